/** Opens every store of the core: settings, repositories, history, plans and checks. */
import { CheckStore } from './checks/check-store.js';
import type { EventBus } from './event-bus.js';
import { historyDir } from './history/history-files.js';
import { HistoryStore } from './history/history-store.js';
import { PlanStore } from './plan-runs/plan-store.js';
import { RepositoryRegistry } from './repositories/repository-registry.js';
import { ConfigNotices } from './settings/config-notices.js';
import { openSettingsStore, type SettingsStore } from './settings/settings-store.js';
import { removeStaleTempFiles } from './settings/stale-temp-files.js';

/** The opened stores, and the notices about what opening them found. */
export interface CoreStores {
  readonly configNotices: ConfigNotices;
  readonly settings: SettingsStore;
  readonly registry: RepositoryRegistry;
  readonly history: HistoryStore;
  readonly plans: PlanStore;
  readonly checkStore: CheckStore;
}

/** Open the stores one after the other, so their config notices are listed in this order. */
export async function openCoreStores(
  configDir: string,
  bus: EventBus,
  now: () => number,
): Promise<CoreStores> {
  // Before any store writes: temp files of a run killed mid-save are ours to remove.
  await removeStaleTempFiles(configDir);
  const configNotices = new ConfigNotices();
  const settings = await openSettingsStore(configDir, configNotices);
  const registry = await RepositoryRegistry.open(configDir, configNotices);
  const history = await HistoryStore.open({
    dir: historyDir(configDir),
    emit: (entry) => bus.emit('history:added', entry),
    now,
  });
  const plans = await PlanStore.open(configDir, configNotices);
  const checkStore = await CheckStore.open(configDir, configNotices);
  return { configNotices, settings, registry, history, plans, checkStore };
}
