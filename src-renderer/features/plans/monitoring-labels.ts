/** Words for monitoring channels and deliveries, shared by the plan card and the editor. */
import {
  resolvePingStyle,
  type DeliveryOutcome,
  type Monitoring,
  type MonitoringChannel,
} from '../../../src-main/model/monitoring.js';
import i18next from 'i18next';
import { formatCount, formatRelative } from '../../lib/format.js';

const PING_KEYS = {
  healthchecks: 'monitoring.channelHealthchecks',
  'uptime-kuma': 'monitoring.channelUptimeKuma',
  plain: 'monitoring.channelPlain',
} as const;

/** "Healthchecks", "Uptime Kuma", "Webhook", "ntfy" for a plan's channel. */
export function channelName(channel: MonitoringChannel, monitoring: Monitoring | undefined): string {
  if (channel === 'webhook') return i18next.t('monitoring.channelWebhook', { ns: 'plans' });
  if (channel === 'ntfy') return i18next.t('monitoring.channelNtfy', { ns: 'plans' });
  const ping = monitoring?.ping;
  if (ping === undefined) return i18next.t('monitoring.channelPing', { ns: 'plans' });
  return i18next.t(PING_KEYS[resolvePingStyle(ping.style, ping.url)], { ns: 'plans' });
}

const EVENTS = ['start', 'success', 'success with warnings', 'failure', 'cancel', 'test'] as const;
type KnownEvent = (typeof EVENTS)[number];
const isKnownEvent = (event: string): event is KnownEvent => (EVENTS as readonly string[]).includes(event);

/** "success report delivered 2 minutes ago" or "failure report not delivered 2 minutes ago (3 attempts): connection refused". */
export function deliveryText(outcome: DeliveryOutcome): string {
  const when = formatRelative(outcome.at);
  const event = outcome.event;
  const what = isKnownEvent(event) ? i18next.t(`monitoring.events.${event}`, { ns: 'plans' }) : event;
  if (outcome.ok) return i18next.t('monitoring.deliveryOk', { ns: 'plans', what, when });
  const reason = outcome.reason ?? i18next.t('monitoring.unknownReason', { ns: 'plans' });
  if (outcome.attempts <= 1)
    return i18next.t('monitoring.deliveryFailed', { ns: 'plans', what, when, reason });
  return i18next.t('monitoring.deliveryFailedTries', {
    ns: 'plans',
    what,
    when,
    reason,
    count: outcome.attempts,
    n: formatCount(outcome.attempts),
  });
}
