/** Builds the metrics textfile from the core's stores and makes it follow plan runs on the hub. */
import type { CoreHub } from '../core-hub.js';
import { DEFAULT_MAX_ENTRIES, type HistoryStore } from '../history/history-store.js';
import type { PlanStore } from '../plan-runs/plan-store.js';
import type { RepositoryRegistry } from '../repositories/repository-registry.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { MetricsTextfile } from './metrics-textfile.js';

/** What the textfile is made from. */
export interface MetricsWiring {
  readonly hub: CoreHub;
  readonly settings: SettingsStore;
  readonly history: HistoryStore;
  readonly plans: PlanStore;
  readonly registry: RepositoryRegistry;
  readonly now: () => number;
}

/** The textfile, written once now (the state before a restart, from the history) and after each run. */
export function startMetricsTextfile(w: MetricsWiring): MetricsTextfile {
  const metrics = new MetricsTextfile({
    file: () => w.settings.get().metricsTextfile,
    history: async () => {
      // The run's last job is recorded as the run is reported; its entry must be in the file.
      await w.history.idle();
      return w.history.list({ limit: DEFAULT_MAX_ENTRIES }).entries;
    },
    plans: () => w.plans.list(),
    repositories: () => w.registry.list(),
    now: w.now,
  });
  // refresh() never rejects and is not awaited: the run's publisher must not wait for a file write.
  w.hub.on('plan-run-finished', () => void metrics.refresh());
  void metrics.refresh();
  return metrics;
}
