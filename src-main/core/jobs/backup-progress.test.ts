import { describe, expect, it } from 'vitest';
import { historyEntryFixture } from '../test-support/history-entry-fixture.js';
import { planSchema, type Plan } from '../../model/plan.js';
import { planBackupProgress, previousBackupEstimate } from './backup-progress.js';

const planFixture = (id: string): Plan =>
  planSchema.parse({ id, archivePrefix: id, name: id, targets: [{ repoId: 'r1' }], sourcePaths: ['/data'] });

const at = (n: number) => `2026-03-0${n}T10:00:00.000Z`;
const stats = (originalSize: number) => ({ originalSize, fileCount: originalSize / 10 });

// Newest first, as history:list pages them.
const entries = [
  historyEntryFixture({ id: 'failed', finishedAt: at(6), planId: 'p1', status: 'failed' }),
  historyEntryFixture({ id: 'other-plan', finishedAt: at(5), planId: 'p2', stats: stats(500) }),
  historyEntryFixture({ id: 'other-repo', finishedAt: at(4), planId: 'p1', repoId: 'r2', stats: stats(400) }),
  historyEntryFixture({ id: 'prune', finishedAt: at(3), planId: 'p1', kind: 'prune' }),
  historyEntryFixture({ id: 'good', finishedAt: at(2), planId: 'p1', status: 'warning', stats: stats(200) }),
  historyEntryFixture({ id: 'older', finishedAt: at(1), planId: 'p1', stats: stats(100) }),
];

describe('previousBackupEstimate', () => {
  it("goes by the plan's newest good backup to the same repository", () => {
    expect(previousBackupEstimate(entries, 'p1', 'r1')).toEqual({
      source: 'previous-archive',
      originalSize: 200,
      fileCount: 20,
    });
    expect(previousBackupEstimate(entries, 'p3', 'r1')).toBeUndefined();
  });

  it('falls back to the walk of the sources when the plan has no earlier backup', () => {
    const asked: string[] = [];
    const factory = planBackupProgress({
      history: { list: () => ({ entries }) },
      preWalk: (plan) => {
        asked.push(plan.id);
        return { current: () => ({ source: 'pre-walk', originalSize: 1000, fileCount: 3 }) };
      },
    });
    const tracker = factory(planFixture('p3'), 'r1');
    // Nothing is read while the job waits in the queue.
    expect(asked).toEqual([]);
    tracker.start?.();
    tracker.accept({ type: 'archive_progress', originalSize: 10, nfiles: 1 }, 100);
    expect(tracker.render({ kind: 'backup' })).toMatchObject({
      estimateSource: 'pre-walk',
      estimatedSize: 1000,
    });
    expect(asked).toEqual(['p3']);
    const known = factory(planFixture('p1'), 'r1');
    known.start?.();
    known.accept({ type: 'archive_progress', originalSize: 10, nfiles: 1 }, 100);
    expect(known.render({ kind: 'backup' })).toMatchObject({
      estimateSource: 'previous-archive',
      estimatedSize: 200,
    });
    expect(asked).toEqual(['p3']);
  });
});
