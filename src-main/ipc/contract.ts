/**
 * The one contract between the core and every UI host: each request (name, params, result) and each
 * event the core pushes, composed from one file per domain in ./contract/. Both transports
 * (Electron IPC and the browser host's WebSocket) and the renderer's client are derived from it, so
 * a change here is a change everywhere. The shapes themselves live in src-main/model/.
 *
 * This module must stay free of Node and Electron imports: the renderer imports it too.
 */
import type { z } from 'zod';
import type { SerializedError } from '../model/errors.js';
import { appEvents, appRequests } from './contract/app.js';
import { archiveEvents, archiveRequests } from './contract/archives.js';
import { borg2MaintenanceRequests } from './contract/borg2-maintenance.js';
import { checkEvents, checkRequests } from './contract/checks.js';
import { drillRequests } from './contract/drills.js';
import { folderRequests } from './contract/folders.js';
import { historyEvents, historyRequests } from './contract/history.js';
import { jobEvents, jobRequests } from './contract/jobs.js';
import { keyRequests } from './contract/keys.js';
import { lockRequests } from './contract/locks.js';
import { migrationRequests } from './contract/migration.js';
import { monitoringEvents, monitoringRequests } from './contract/monitoring.js';
import { planEvents, planRequests, planTransferRequests } from './contract/plans.js';
import { questionEvents, questionRequests } from './contract/questions.js';
import { repositoryEvents, repositoryRequests } from './contract/repositories.js';
import { restoreEvents, restoreRequests } from './contract/restore.js';
import { scheduleEvents, scheduleRequests } from './contract/schedules.js';
import { settingsRequests } from './contract/settings.js';
import { spaceRequests } from './contract/space.js';
import { sshKeyRequests } from './contract/ssh-keys.js';
import { sshRequests } from './contract/ssh.js';
import { testRequests } from './contract/test.js';
import type {
  EventName as ListedEventName,
  RequestName as ListedRequestName,
  TestRequestName as ListedTestRequestName,
} from './names.js';

export { testRequests } from './contract/test.js';

/** Every request the renderer may make. Names are `domain:verb`. */
export const requests = {
  ...appRequests,
  ...settingsRequests,
  ...repositoryRequests,
  ...jobRequests,
  ...archiveRequests,
  ...restoreRequests,
  ...historyRequests,
  ...folderRequests,
  ...planRequests,
  ...planTransferRequests,
  ...scheduleRequests,
  ...checkRequests,
  ...drillRequests,
  ...keyRequests,
  ...spaceRequests,
  ...borg2MaintenanceRequests,
  ...lockRequests,
  ...migrationRequests,
  ...sshKeyRequests,
  ...questionRequests,
  ...sshRequests,
  ...monitoringRequests,
} as const;

/** Every event the core pushes to every connected UI. */
export const events = {
  ...jobEvents,
  ...repositoryEvents,
  ...archiveEvents,
  ...restoreEvents,
  ...historyEvents,
  ...planEvents,
  ...scheduleEvents,
  ...appEvents,
  ...checkEvents,
  ...questionEvents,
  ...monitoringEvents,
} as const;

/** A production request's name. */
export type RequestName = keyof typeof requests;
/** A test-mode request's name (see ./contract/test.ts). */
export type TestRequestName = keyof typeof testRequests;
type AnyRequests = typeof requests & typeof testRequests;
/** Any request's name, test mode included. */
export type AnyRequestName = keyof AnyRequests;
/** What a caller passes to a request (before defaults). */
export type RequestParams<N extends AnyRequestName> = z.input<AnyRequests[N]['params']>;
/** What a request answers. */
export type RequestResult<N extends AnyRequestName> = z.infer<AnyRequests[N]['result']>;

/** An event's name. */
export type EventName = keyof typeof events;
/** What an event carries. */
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;

// Envelopes, identical on both transports.

/** A request on the wire. */
export type RequestEnvelope = { readonly id: number; readonly method: string; readonly params: unknown };
/** The answer to one request on the wire. */
export type ReplyEnvelope =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };
/** A pushed event on the wire. */
export type EventEnvelope = { readonly event: EventName; readonly payload: unknown };

/** The typed API the renderer talks to, whatever the host. */
export interface BorgdeskApi {
  invoke<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResult<N>>;
  on<N extends EventName>(event: N, listener: (payload: EventPayload<N>) => void): () => void;
}

type HandlersOf<N extends AnyRequestName> = {
  readonly [K in N]: (params: z.infer<AnyRequests[K]['params']>) => Promise<RequestResult<K>>;
};
/** Handlers the core implements: one per request, params already validated. */
export type RequestHandlers = HandlersOf<RequestName>;
/** Handlers of the test-mode requests (they answer NotFound unless the core runs on a test clock). */
export type TestRequestHandlers = HandlersOf<TestRequestName>;
/** The handlers of one domain's request map, e.g. `HandlersFor<typeof planRequests>`. */
export type HandlersFor<R> = HandlersOf<keyof R & AnyRequestName>;

// names.ts lists the same names for the preload; these fail to compile if either side has one the
// other lacks.
type SameNames<A extends string, B extends string> = [Exclude<A, B>, Exclude<B, A>] extends [never, never]
  ? true
  : { readonly missingOrExtra: Exclude<A, B> | Exclude<B, A> };
const requestNamesMatch: SameNames<RequestName, ListedRequestName> = true;
const testRequestNamesMatch: SameNames<TestRequestName, ListedTestRequestName> = true;
const eventNamesMatch: SameNames<EventName, ListedEventName> = true;
void requestNamesMatch;
void testRequestNamesMatch;
void eventNamesMatch;

export { isEventName, isRequestName, isTestRequestName } from './names.js';
