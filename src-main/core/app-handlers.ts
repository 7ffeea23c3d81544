/** The request handlers of the app domain (see ipc/contract/app.ts): status, stale plans, config notices. */
import type { HandlersFor } from '../ipc/contract.js';
import type { appRequests } from '../ipc/contract/app.js';
import { AppError } from './app-error.js';
import type { AppStatusService } from './app-status.js';
import type { HistoryStore } from './history/history-store.js';
import { DEFAULT_MAX_ENTRIES } from './history/history-store.js';
import { findStalePlans } from './notifications/stale-plans.js';
import type { PlanStore } from './plan-runs/plan-store.js';
import { isLocalAndAbsent } from './repositories/location.js';
import type { RepositoryService } from './repositories/repository-service.js';
import type { ConfigNotices } from './settings/config-notices.js';
import type { FileManager } from './services.js';
import type { SettingsStore } from './settings/settings-store.js';

/** What the app handlers read. */
export interface AppHandlerDeps {
  readonly status: AppStatusService;
  readonly configNotices: ConfigNotices;
  readonly plans: PlanStore;
  readonly history: HistoryStore;
  readonly repos: RepositoryService;
  readonly settings: SettingsStore;
  readonly now: () => number;
  /** The folder of the log files (Services.logDir); absent where logs go to standard error. */
  readonly logDir?: string | undefined;
  readonly fileManager?: FileManager | undefined;
}

/** One handler per app request. */
export function appHandlers(deps: AppHandlerDeps): HandlersFor<typeof appRequests> {
  return {
    'app:status': () => deps.status.status(),
    'app:log-location': async () =>
      deps.logDir === undefined
        ? { kind: 'stderr' }
        : { kind: 'folder', folder: deps.logDir, canOpen: deps.fileManager !== undefined },
    'app:open-log-folder': async () => {
      const { logDir, fileManager } = deps;
      if (logDir === undefined || fileManager === undefined)
        throw new AppError(
          'NotFound',
          'This Borgdesk writes its log to the standard error of the terminal it was started from.',
          'Look there, or start it with BORGDESK_LOG_LEVEL=debug for more detail.',
          { reason: 'borgdeskWritesLogStandard' },
        );
      if (!(await fileManager.openPath(logDir)))
        throw new AppError(
          'Internal',
          `The log folder could not be opened: ${logDir}`,
          'Open it in your file manager.',
          { reason: 'logFolderOpened', params: { logDir } },
        );
      return { folder: logDir };
    },
    'app:dismiss-config-notice': async ({ id }) => ({ dismissed: deps.configNotices.dismiss(id) }),
    'app:stale': async () => {
      // A backup that has just finished counts: wait for entries on their way to the history.
      await deps.history.idle();
      return findStalePlans(
        {
          plans: deps.plans.list(),
          history: deps.history.list({ limit: DEFAULT_MAX_ENTRIES }).entries,
          repos: deps.repos.list(),
          isAbsent: isLocalAndAbsent,
        },
        deps.now(),
        deps.settings.get().staleAfterDays,
      );
    },
  };
}
