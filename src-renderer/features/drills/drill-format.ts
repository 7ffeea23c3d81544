/** Words for restore drills: the plan setting's choices and a drill's result line. */
import type { RestoreTestSchedule } from '../../../src-main/model/drill.js';
import type { HistoryEntry } from '../../../src-main/model/history.js';
import type { Choice } from '../../lib/choices.js';
import { formatRelative } from '../../lib/format.js';
import { errorSentence } from '../../lib/error-info.js';

/** The plan editor's "Test a restore" choices. */
export const restoreTestChoices: readonly Choice<RestoreTestSchedule>[] = [
  { value: 'off', label: 'Off', hint: 'Only when you click Test restore on the plan.' },
  {
    value: 'weekly',
    label: 'Weekly',
    hint: 'After a good backup, once 7 days have passed since the last test, about 20 of its files are restored to a temporary folder and compared with the originals.',
  },
  {
    value: 'monthly',
    label: 'Monthly',
    hint: 'After a good backup, once 30 days have passed since the last test, about 20 of its files are restored to a temporary folder and compared with the originals.',
  },
];

/**
 * "20 files identical, 3 days ago" (or that it failed), for a column headed "Restore test"; the details
 * are in drillDetail.
 */
export function drillLine(entry: HistoryEntry, now?: Date): string {
  const when = formatRelative(entry.finishedAt, now);
  if (entry.status === 'failed') return `Failed ${when}`;
  if (entry.status === 'cancelled') return `Cancelled ${when}`;
  if (entry.status === 'interrupted') return `Interrupted ${when}`;
  const drill = entry.drill;
  if (drill === undefined) return `Passed ${when}`;
  const files = `${drill.identicalCount} ${drill.identicalCount === 1 ? 'file' : 'files'} identical`;
  const changed = drill.changedSinceCount === 0 ? '' : `, ${drill.changedSinceCount} changed since`;
  return `${files}${changed}, ${when}`;
}

/** The whole result (its summary, or the failure and what to do), for a tooltip. */
export function drillDetail(entry: HistoryEntry): string {
  if (entry.drill !== undefined) return `${entry.drill.summary} (${entry.drill.archiveName})`;
  return entry.error === undefined ? '' : errorSentence(entry.error);
}
