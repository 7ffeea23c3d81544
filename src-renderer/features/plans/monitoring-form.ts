/**
 * The plan editor's monitoring fields as typed (every address a string, empty meaning "none") and
 * their conversion to and from the plan's `monitoring` (src-main/model/monitoring.ts).
 */
import type { MonitoringInput, NtfyWhen, PingStyle } from '../../../src-main/model/monitoring.js';
import type { StoredPlan } from '../../stores/plans-store.js';

/** The monitoring fields of the editor. */
export interface MonitoringForm {
  readonly pingUrl: string;
  readonly pingStyle: PingStyle;
  readonly webhookUrl: string;
  readonly ntfyUrl: string;
  readonly ntfyWhen: NtfyWhen;
  readonly timeoutSeconds: string;
}

/** No monitoring. */
export const emptyMonitoringForm: MonitoringForm = {
  pingUrl: '',
  pingStyle: 'auto',
  webhookUrl: '',
  ntfyUrl: '',
  ntfyWhen: 'always',
  timeoutSeconds: '10',
};

/** The fields for a stored plan's monitoring. */
export function monitoringFormFrom(monitoring: StoredPlan['monitoring']): MonitoringForm {
  if (monitoring === undefined) return emptyMonitoringForm;
  return {
    pingUrl: monitoring.ping?.url ?? '',
    pingStyle: monitoring.ping?.style ?? 'auto',
    webhookUrl: monitoring.webhook?.url ?? '',
    ntfyUrl: monitoring.ntfy?.url ?? '',
    ntfyWhen: monitoring.ntfy?.when ?? 'always',
    timeoutSeconds: String(monitoring.timeoutSeconds),
  };
}

/** The plan's `monitoring`, or undefined when no address is filled in. */
export function monitoringOf(form: MonitoringForm): MonitoringInput | undefined {
  const ping = form.pingUrl.trim();
  const webhook = form.webhookUrl.trim();
  const ntfy = form.ntfyUrl.trim();
  if (ping === '' && webhook === '' && ntfy === '') return undefined;
  const timeout = form.timeoutSeconds.trim();
  return {
    ...(ping !== '' && { ping: { url: ping, style: form.pingStyle } }),
    ...(webhook !== '' && { webhook: { url: webhook } }),
    ...(ntfy !== '' && { ntfy: { url: ntfy, when: form.ntfyWhen } }),
    timeoutSeconds: timeout === '' ? 10 : Number(timeout),
  };
}
