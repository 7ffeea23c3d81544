/** Words for monitoring channels and deliveries, shared by the plan card and the editor. */
import {
  resolvePingStyle,
  type DeliveryOutcome,
  type Monitoring,
  type MonitoringChannel,
} from '../../../src-main/model/monitoring.js';
import { formatRelative } from '../../lib/format.js';

const PING_NAMES = { healthchecks: 'Healthchecks', 'uptime-kuma': 'Uptime Kuma', plain: 'Ping URL' } as const;

/** "Healthchecks", "Uptime Kuma", "Webhook", "ntfy" for a plan's channel. */
export function channelName(channel: MonitoringChannel, monitoring: Monitoring | undefined): string {
  if (channel === 'webhook') return 'Webhook';
  if (channel === 'ntfy') return 'ntfy';
  const ping = monitoring?.ping;
  return ping === undefined ? 'Ping' : PING_NAMES[resolvePingStyle(ping.style, ping.url)];
}

const EVENT_WORDS: Readonly<Record<string, string>> = {
  start: 'start signal',
  success: 'success report',
  'success with warnings': 'report (with warnings)',
  failure: 'failure report',
  cancel: 'cancel report',
  test: 'test message',
};

/** "success report delivered 2 minutes ago" or "failure report not delivered 2 minutes ago (3 attempts): connection refused". */
export function deliveryText(outcome: DeliveryOutcome): string {
  const when = formatRelative(outcome.at);
  const what = EVENT_WORDS[outcome.event] ?? outcome.event;
  if (outcome.ok) return `${what} delivered ${when}`;
  const tries = outcome.attempts > 1 ? ` (${outcome.attempts} attempts)` : '';
  return `${what} not delivered ${when}${tries}: ${outcome.reason ?? 'unknown reason'}`;
}
