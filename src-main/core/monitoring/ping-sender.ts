/**
 * The ping URL of a plan, called the way the service behind it expects (model/monitoring.ts
 * PingStyle). Healthchecks: POST `<url>/start` when the backup starts, `<url>` on success (warnings
 * included, the body says so), `<url>/fail` on failure and on cancel — a started check that never
 * hears back goes down after its grace time anyway, so saying "cancelled" at once is clearer.
 * Uptime Kuma push monitors: one GET at the end with `status=up|down&msg=…`. Plain: GET on success.
 */
import { resolvePingStyle, type Monitoring } from '../../model/monitoring.js';
import type { HttpRequestSpec } from './http-delivery.js';
import { headline, summaryText, summaryWithLog, type RunFacts } from './run-summary.js';

type PingSettings = NonNullable<Monitoring['ping']>;

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };
// Uptime Kuma shows msg in its event list; a headline is plenty.
const KUMA_MSG_LIMIT = 200;

/** The request that says a plan run's backup has started, or undefined for styles without one. */
export function startPing(ping: PingSettings): HttpRequestSpec | undefined {
  if (resolvePingStyle(ping.style, ping.url) !== 'healthchecks') return undefined;
  return { method: 'POST', url: withSuffix(ping.url, 'start'), headers: TEXT, body: '' };
}

/** The request that reports how a run (or a test) ended, or undefined when this style says nothing. */
export function finishPing(ping: PingSettings, facts: RunFacts): HttpRequestSpec | undefined {
  const good = facts.result === 'succeeded' || facts.result === 'warnings';
  switch (resolvePingStyle(ping.style, ping.url)) {
    case 'healthchecks':
      return good
        ? { method: 'POST', url: ping.url, headers: TEXT, body: summaryText(facts) }
        : { method: 'POST', url: withSuffix(ping.url, 'fail'), headers: TEXT, body: summaryWithLog(facts) };
    case 'uptime-kuma': {
      const url = new URL(ping.url);
      url.searchParams.set('status', good ? 'up' : 'down');
      url.searchParams.set('msg', headline(facts).slice(0, KUMA_MSG_LIMIT));
      // Kuma's copied push URL ends in an empty "ping=" (a response time); an empty one is noise.
      if (url.searchParams.get('ping') === '') url.searchParams.delete('ping');
      return { method: 'GET', url: url.toString() };
    }
    case 'plain':
      return good ? { method: 'GET', url: ping.url } : undefined;
  }
}

// `<url>/start` keeps the query (Healthchecks accepts ?rid= and friends there).
function withSuffix(text: string, suffix: string): string {
  const url = new URL(text);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${suffix}`;
  return url.toString();
}
