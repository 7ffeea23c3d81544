/** The JSON webhook: one POST of the run summary (run-summary.ts webhookPayload) after each run. */
import type { Monitoring } from '../../model/monitoring.js';
import type { HttpRequestSpec } from './http-delivery.js';
import { webhookPayload, type RunFacts } from './run-summary.js';

/** The POST that tells the webhook how a run (or a test) ended. */
export function webhookRequest(
  webhook: NonNullable<Monitoring['webhook']>,
  facts: RunFacts,
): HttpRequestSpec {
  return {
    method: 'POST',
    url: webhook.url,
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'Borgdesk' },
    body: JSON.stringify(webhookPayload(facts)),
  };
}
