/** Words for restore drills: the plan setting's choices and a drill's result line. */
import i18next from 'i18next';
import type { RestoreTestSchedule } from '../../../src-main/model/drill.js';
import type { HistoryEntry } from '../../../src-main/model/history.js';
import type { Choice } from '../../lib/choices.js';
import { formatCount, formatRelative } from '../../lib/format.js';
import { drillSummaryText } from '../../lib/core-words/drill.js';
import { errorSentence } from '../../lib/error-info.js';

/** The plan editor's "Test a restore" choices, in the UI's language. */
export function restoreTestChoices(): readonly Choice<RestoreTestSchedule>[] {
  return [
    {
      value: 'off',
      label: i18next.t('choiceOff', { ns: 'drills' }),
      hint: i18next.t('choiceOffHint', { ns: 'drills' }),
    },
    {
      value: 'weekly',
      label: i18next.t('choiceWeekly', { ns: 'drills' }),
      hint: i18next.t('choiceWeeklyHint', { ns: 'drills' }),
    },
    {
      value: 'monthly',
      label: i18next.t('choiceMonthly', { ns: 'drills' }),
      hint: i18next.t('choiceMonthlyHint', { ns: 'drills' }),
    },
  ];
}

/**
 * "20 files identical, 3 days ago" (or that it failed), for a column headed "Restore test"; the details
 * are in drillDetail.
 */
export function drillLine(entry: HistoryEntry, now?: Date): string {
  const when = formatRelative(entry.finishedAt, now);
  if (entry.status === 'failed') return i18next.t('failed', { ns: 'drills', when });
  if (entry.status === 'cancelled') return i18next.t('cancelled', { ns: 'drills', when });
  if (entry.status === 'interrupted') return i18next.t('interrupted', { ns: 'drills', when });
  const drill = entry.drill;
  if (drill === undefined) return i18next.t('passed', { ns: 'drills', when });
  const files = i18next.t('identical', {
    ns: 'drills',
    count: drill.identicalCount,
    n: formatCount(drill.identicalCount),
  });
  if (drill.changedSinceCount === 0) return i18next.t('line', { ns: 'drills', files, when });
  const changed = i18next.t('changedSince', { ns: 'drills', n: formatCount(drill.changedSinceCount) });
  return i18next.t('lineChanged', { ns: 'drills', files, changed, when });
}

/** The whole result (its summary, or the failure and what to do), for a tooltip. */
export function drillDetail(entry: HistoryEntry): string {
  if (entry.drill !== undefined)
    return i18next.t('detail', {
      ns: 'drills',
      summary: drillSummaryText(entry.drill),
      archive: entry.drill.archiveName,
    });
  return entry.error === undefined ? '' : errorSentence(entry.error);
}
