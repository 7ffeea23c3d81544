/**
 * A complete HistoryEntry for tests (core and renderer alike: no Node imports), so each test states
 * only the fields it is about. Defaults: a succeeded manual backup of repository "r1" that took no
 * time and kept no log.
 */
import type { HistoryEntry } from '../../model/history.js';

export function historyEntryFixture(
  fields: Partial<HistoryEntry> & Pick<HistoryEntry, 'id' | 'finishedAt'>,
): HistoryEntry {
  return {
    kind: 'backup',
    repoId: 'r1',
    repoName: 'One',
    title: 'Backup',
    trigger: 'manual',
    status: 'succeeded',
    startedAt: fields.finishedAt,
    durationMs: 0,
    logLineCount: 0,
    ...fields,
  };
}
