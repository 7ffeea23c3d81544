/** Words for restore drills: the plan setting's choices and a drill's result line. */
import type { RestoreTestSchedule } from '../../../src-main/model/drill.js';
import type { HistoryEntry } from '../../../src-main/model/history.js';
import type { Choice } from '../../lib/choices.js';
import { formatRelative } from '../../lib/format.js';

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

/** "Restore test: 20 files, 35 MB restored and identical, 3 days ago" (or why it failed). */
export function drillLine(entry: HistoryEntry, now?: Date): string {
  const when = formatRelative(entry.finishedAt, now);
  if (entry.status === 'succeeded' || entry.status === 'warning')
    return `Restore test: ${entry.drill?.summary ?? 'passed'}, ${when}`;
  if (entry.status === 'cancelled') return `Restore test cancelled ${when}`;
  if (entry.status === 'interrupted') return `Restore test interrupted ${when}`;
  return `Restore test failed ${when}: ${entry.error?.message ?? 'see its log in History'}`;
}

/** True when the drill entry should be in Needs attention. */
export function drillFailed(entry: HistoryEntry): boolean {
  return entry.status === 'failed';
}
