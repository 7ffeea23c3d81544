/** The request handlers of the app domain (see ipc/contract/app.ts): status, stale plans, config notices. */
import type { HandlersFor } from '../ipc/contract.js';
import type { appRequests } from '../ipc/contract/app.js';
import type { AppStatusService } from './app-status.js';
import type { HistoryStore } from './history/history-store.js';
import { DEFAULT_MAX_ENTRIES } from './history/history-store.js';
import { findStalePlans } from './notifications/stale-plans.js';
import type { PlanStore } from './plan-runs/plan-store.js';
import { isLocalAndAbsent } from './repositories/location.js';
import type { RepositoryService } from './repositories/repository-service.js';
import type { ConfigNotices } from './settings/config-notices.js';
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
}

/** One handler per app request. */
export function appHandlers(deps: AppHandlerDeps): HandlersFor<typeof appRequests> {
  return {
    'app:status': () => deps.status.status(),
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
