/**
 * Words for plans on screen: when a target runs next and why it may be waiting.
 */
import type { UpcomingRunRow } from '../../../src-main/model/schedule.js';
import { formatDateTime } from '../../lib/format.js';

const waitingWords: Readonly<Record<NonNullable<UpcomingRunRow['waitingFor']>, string>> = {
  running: 'Running now',
  target: 'Waiting for the repository to be reachable',
  network: 'Waiting for the network',
  conditions: 'Waiting: on battery power or a metered connection',
  paused: 'Paused',
};

/** The "Next run" text of a target: a date, a waiting reason, or "Not scheduled". */
export function nextRunText(row: UpcomingRunRow | undefined, paused: boolean): string {
  if (paused) return 'Paused';
  if (row === undefined) return 'Not scheduled';
  if (row.waitingFor !== undefined) return waitingWords[row.waitingFor];
  if (row.dueAt === undefined) return 'Not scheduled';
  const when = formatDateTime(row.dueAt);
  return row.reason === 'catch-up' ? `${when} (catching up a missed run)` : when;
}

/** The "Last run" text of a target. */
export function lastRunText(row: UpcomingRunRow | undefined): string {
  return row?.lastRunAt ? formatDateTime(row.lastRunAt) : 'Never';
}
