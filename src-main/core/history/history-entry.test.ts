import { describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../model/job.js';
import { statsOf, toHistoryEntry } from './history-entry.js';

const now = () => Date.parse('2024-05-01T12:00:00.000Z');
const base: JobSnapshot = {
  id: 'j1',
  kind: 'backup',
  repoId: 'r1',
  title: 'Back up to Home',
  status: 'succeeded',
  startedAt: '2024-05-01T10:00:00.000Z',
  finishedAt: '2024-05-01T10:00:42.500Z',
};

describe('toHistoryEntry', () => {
  it('records a backup with its archive stats and duration', () => {
    const snapshot: JobSnapshot = {
      ...base,
      result: {
        archive: {
          id: 'a',
          name: 'home-2024',
          start: '2024-05-01T10:00:01',
          fileCount: 12,
          originalSize: 100,
          compressedSize: 80,
          deduplicatedSize: 10,
        },
        warnings: [],
      },
    };
    expect(toHistoryEntry({ snapshot, trigger: 'schedule', log: [] }, 'Home', now)).toEqual({
      id: 'j1',
      kind: 'backup',
      repoId: 'r1',
      repoName: 'Home',
      title: 'Back up to Home',
      trigger: 'schedule',
      status: 'succeeded',
      startedAt: '2024-05-01T10:00:00.000Z',
      finishedAt: '2024-05-01T10:00:42.500Z',
      durationMs: 42_500,
      stats: {
        archiveName: 'home-2024',
        fileCount: 12,
        originalSize: 100,
        compressedSize: 80,
        deduplicatedSize: 10,
      },
    });
  });

  it('records a restore with its totals, and a failure with its error', () => {
    const restore: JobSnapshot = {
      ...base,
      kind: 'restore',
      status: 'warning',
      restoreResult: { targetDir: '/t', fileCount: 3, totalBytes: 999, skippedCount: 0, warnings: [] },
    };
    expect(statsOf(restore)).toEqual({ fileCount: 3, originalSize: 999 });
    const failed: JobSnapshot = { ...base, status: 'failed', error: { code: 'X', message: 'broke' } };
    const entry = toHistoryEntry({ snapshot: failed, trigger: 'manual', log: [] }, 'Home', now);
    expect(entry).toMatchObject({ status: 'failed', error: { code: 'X', message: 'broke' } });
    expect(entry).not.toHaveProperty('stats');
  });

  it('keeps the plan a job ran for, and adds no plan to other jobs', () => {
    const planned: JobSnapshot = { ...base, planId: 'plan-1' };
    expect(toHistoryEntry({ snapshot: planned, trigger: 'schedule', log: [] }, 'Home', now)).toMatchObject({
      planId: 'plan-1',
    });
    expect(toHistoryEntry({ snapshot: base, trigger: 'manual', log: [] }, 'Home', now)).not.toHaveProperty(
      'planId',
    );
  });

  it('gives a job cancelled while queued no duration, and skips an unfinished job', () => {
    const queued: JobSnapshot = { ...base, status: 'cancelled', startedAt: undefined };
    const entry = toHistoryEntry({ snapshot: queued, trigger: 'manual', log: [] }, 'Home', now);
    expect(entry).toMatchObject({ startedAt: base.finishedAt, durationMs: 0, status: 'cancelled' });
    const running: JobSnapshot = { ...base, status: 'running' };
    expect(toHistoryEntry({ snapshot: running, trigger: 'manual', log: [] }, 'Home', now)).toBeUndefined();
  });
});
