/** The metrics textfile requests of the settings domain (see ipc/contract/settings.ts). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { settingsRequests } from '../../ipc/contract/settings.js';
import { AppError } from '../app-error.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { metricsFileProblem, type MetricsTextfile } from './metrics-textfile.js';

type MetricsRequests = Pick<typeof settingsRequests, 'settings:metrics-status' | 'settings:metrics-apply'>;

/** Status and apply: a path that cannot work is refused before it is saved. */
export function metricsHandlers(
  settings: SettingsStore,
  metrics: MetricsTextfile,
): HandlersFor<MetricsRequests> {
  return {
    'settings:metrics-status': async () => metrics.status(),
    'settings:metrics-apply': async ({ file }) => {
      const wanted = file.trim();
      const problem = metricsFileProblem(wanted);
      if (problem !== undefined)
        throw new AppError('InvalidInput', problem.message, problem.remedy, {
          reason: 'stated',
          params: { message: problem.message, remedy: problem.remedy },
        });
      const before = settings.get().metricsTextfile;
      if (wanted !== before) {
        await settings.update({ metricsTextfile: wanted });
        await metrics.forget(before);
      }
      return metrics.refresh();
    },
  };
}
