/** The app domain of the contract: its status, stale plans and config notices. */
import { z } from 'zod';
import { appStatusSchema, staleItemSchema } from '../../model/app.js';
import { empty } from './shared.js';

const logLocationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('folder'), folder: z.string(), canOpen: z.boolean() }),
  z.object({ kind: z.literal('stderr') }),
]);

/** Requests about the app itself. */
export const appRequests = {
  'app:status': { params: empty, result: appStatusSchema },
  /** Scheduled plan targets without a successful backup for longer than `staleAfterDays`, oldest first. */
  'app:stale': { params: empty, result: z.array(staleItemSchema) },
  /** Hide a config notice until the next start (the file it names stays where it is). */
  'app:dismiss-config-notice': {
    params: z.object({ id: z.string() }),
    result: z.object({ dismissed: z.boolean() }),
  },
  /** Where Borgdesk's log goes: a folder of log files (the desktop app) or the host's standard error. */
  'app:log-location': { params: empty, result: logLocationSchema },
  /** Open the log folder in the file manager; NotFound where logs go to standard error instead. */
  'app:open-log-folder': { params: empty, result: z.object({ folder: z.string() }) },
} as const;

/** Events about the app itself. */
export const appEvents = {
  /** The host's clock jumped (browser host test mode, `test:advance-clock`); carries its new time. */
  'app:clock': z.object({ now: z.string() }),
  /** The desktop host's menu asks the window to open Settings (Borgdesk → Settings…, Cmd/Ctrl+,). */
  'app:open-settings': z.object({}),
} as const;
