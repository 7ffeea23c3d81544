/** The request handlers of the monitoring domain (see ipc/contract/monitoring.ts). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { monitoringRequests } from '../../ipc/contract/monitoring.js';
import type { MonitoringService } from './monitoring-service.js';

/** One handler per monitoring request. */
export function monitoringHandlers(monitoring: MonitoringService): HandlersFor<typeof monitoringRequests> {
  return {
    'monitoring:status': async () => monitoring.statuses(),
    'monitoring:test': async ({ monitoring: settings, channel, planId, planName }) =>
      monitoring.sendTest(settings, channel, {
        ...(planId !== undefined ? { id: planId } : {}),
        name: planName,
      }),
  };
}
