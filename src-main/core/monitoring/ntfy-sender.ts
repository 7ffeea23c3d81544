/**
 * ntfy (https://ntfy.sh or self-hosted): a plain-text POST to the topic URL with Title, Priority
 * (high for failures and cancels) and Tags (emoji shortcodes ntfy shows beside the title), as ntfy's
 * "Publish" docs describe. Header values must be Latin-1, so a title with other characters (plan
 * names often have them) goes as an RFC 2047 encoded word, which ntfy decodes.
 */
import type { Monitoring } from '../../model/monitoring.js';
import type { PlanRunResult } from '../plan-runs/plan-run-report.js';
import type { HttpRequestSpec } from './http-delivery.js';
import { summaryText, type RunFacts } from './run-summary.js';

const TAGS: Readonly<Record<PlanRunResult, string>> = {
  succeeded: 'white_check_mark',
  warnings: 'warning',
  failed: 'x',
  cancelled: 'no_entry_sign',
};

const TITLE_WORDS: Readonly<Record<PlanRunResult, string>> = {
  succeeded: 'succeeded',
  warnings: 'finished with warnings',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** The message for a run (or a test), or undefined when the topic only wants problems and this is none. */
export function ntfyRequest(
  ntfy: NonNullable<Monitoring['ntfy']>,
  facts: RunFacts,
): HttpRequestSpec | undefined {
  if (ntfy.when === 'problems' && facts.result === 'succeeded' && facts.trigger !== 'test') return undefined;
  const problem = facts.result === 'failed' || facts.result === 'cancelled';
  const title =
    facts.trigger === 'test'
      ? `Borgdesk test: ${facts.planName}`
      : `Backup ${facts.planName}: ${TITLE_WORDS[facts.result]}`;
  return {
    method: 'POST',
    url: ntfy.url,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      Title: headerValue(title),
      Priority: problem ? 'high' : 'default',
      Tags: facts.trigger === 'test' ? 'test_tube' : `${TAGS[facts.result]},borgdesk`,
    },
    body: summaryText(facts),
  };
}

/** The value as is when it is printable ASCII, else as `=?UTF-8?B?…?=`. */
export function headerValue(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}
