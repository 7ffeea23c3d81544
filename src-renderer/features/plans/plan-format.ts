/**
 * Words for plans on screen: when a target runs next and why it may be waiting.
 */
import type { UpcomingRunRow } from '../../../src-main/model/schedule.js';
import i18next from 'i18next';
import { formatDateTime } from '../../lib/format.js';

/** The "Next run" text of a target: a date, a waiting reason, or "Not scheduled". */
export function nextRunText(row: UpcomingRunRow | undefined, paused: boolean): string {
  if (paused) return i18next.t('runs.paused', { ns: 'plans' });
  if (row === undefined) return i18next.t('runs.notScheduled', { ns: 'plans' });
  if (row.waitingFor !== undefined) return i18next.t(`runs.${row.waitingFor}`, { ns: 'plans' });
  if (row.dueAt === undefined) return i18next.t('runs.notScheduled', { ns: 'plans' });
  const when = formatDateTime(row.dueAt);
  return row.reason === 'catch-up' ? i18next.t('runs.catchUp', { ns: 'plans', when }) : when;
}

/** The "Last run" text of a target. */
export function lastRunText(row: UpcomingRunRow | undefined): string {
  return row?.lastRunAt ? formatDateTime(row.lastRunAt) : i18next.t('runs.never', { ns: 'plans' });
}
