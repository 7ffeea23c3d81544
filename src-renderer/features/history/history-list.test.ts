import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src-main/model/history.js';
import { formatShortDateTime, kindIcon, kindLabel, statsSummary } from './history-format.js';
import {
  countByResult,
  filterEntries,
  latestBackups,
  latestPlanBackups,
  mergeEntries,
  planTargetKey,
  planTargetLatest,
} from './history-list.js';
import { historyEntryFixture } from '../../../src-main/core/test-support/history-entry-fixture.js';

function entry(id: string, finishedAt: string, patch: Partial<HistoryEntry> = {}): HistoryEntry {
  return historyEntryFixture({ id, finishedAt, ...patch });
}

describe('mergeEntries', () => {
  it('appends a page and keeps newest first, one row per job', () => {
    const first = [entry('c', '2024-01-03T00:00:00Z'), entry('b', '2024-01-02T00:00:00Z')];
    const page = [
      entry('b', '2024-01-02T00:00:00Z', { status: 'failed' }),
      entry('a', '2024-01-01T00:00:00Z'),
    ];
    const merged = mergeEntries(first, page);
    expect(merged.map((e) => e.id)).toEqual(['c', 'b', 'a']);
    expect(merged[1]?.status).toBe('failed');
  });

  it('puts a live entry on top and breaks equal finish times by id', () => {
    const list = [entry('a', '2024-01-01T00:00:00Z')];
    const merged = mergeEntries(list, [
      entry('z', '2024-01-01T00:00:00Z'),
      entry('n', '2025-01-01T00:00:00Z'),
    ]);
    expect(merged.map((e) => e.id)).toEqual(['n', 'z', 'a']);
  });

  it('returns the same list when nothing arrives', () => {
    const list = [entry('a', '2024-01-01T00:00:00Z')];
    expect(mergeEntries(list, [])).toBe(list);
  });
});

describe('filterEntries', () => {
  const list = [
    entry('1', '2024-01-04T00:00:00Z', { status: 'failed' }),
    entry('2', '2024-01-03T00:00:00Z', { repoId: 'r2' }),
    entry('3', '2024-01-02T00:00:00Z', { repoId: 'r2', status: 'failed' }),
  ];
  it('filters by result, by repository, and by both', () => {
    expect(filterEntries(list, { result: 'all' })).toBe(list);
    expect(filterEntries(list, { result: 'failed' }).map((e) => e.id)).toEqual(['1', '3']);
    expect(filterEntries(list, { repoId: 'r2', result: 'all' }).map((e) => e.id)).toEqual(['2', '3']);
    expect(filterEntries(list, { repoId: 'r2', result: 'failed' }).map((e) => e.id)).toEqual(['3']);
    expect(filterEntries(list, { result: 'cancelled' })).toEqual([]);
  });

  it('counts entries per result', () => {
    expect(countByResult(list)).toEqual({
      succeeded: 1,
      warning: 0,
      failed: 2,
      cancelled: 0,
      interrupted: 0,
    });
  });
});

describe('latestBackups', () => {
  it('picks each repository’s newest backup and ignores other kinds', () => {
    const latest = latestBackups([
      entry('old', '2024-01-01T00:00:00Z'),
      entry('restore', '2024-03-01T00:00:00Z', { kind: 'restore' }),
      entry('new', '2024-02-01T00:00:00Z', { status: 'failed' }),
      entry('other', '2024-01-15T00:00:00Z', { repoId: 'r2' }),
    ]);
    expect(latest.get('r1')?.id).toBe('new');
    expect(latest.get('r2')?.id).toBe('other');
    expect(latest.size).toBe(2);
  });
});

describe('latestPlanBackups and planTargetLatest', () => {
  const entries = [
    entry('docs-old', '2024-01-01T00:00:00Z', { planId: 'docs' }),
    entry('docs-new', '2024-02-01T00:00:00Z', { planId: 'docs', status: 'failed' }),
    entry('docs-prune', '2024-02-02T00:00:00Z', { planId: 'docs', kind: 'prune' }),
    entry('docs-r2', '2024-01-20T00:00:00Z', { planId: 'docs', repoId: 'r2' }),
    entry('photos', '2024-03-01T00:00:00Z', { planId: 'photos' }),
    entry('manual', '2024-01-10T00:00:00Z', { repoId: 'r3' }),
  ];

  it('picks each plan target’s newest backup, apart from other plans and other kinds', () => {
    const latest = latestPlanBackups(entries);
    expect(latest.get(planTargetKey('docs', 'r1'))?.id).toBe('docs-new');
    expect(latest.get(planTargetKey('docs', 'r2'))?.id).toBe('docs-r2');
    expect(latest.get(planTargetKey('photos', 'r1'))?.id).toBe('photos');
    expect(latest.size).toBe(3);
  });

  it('falls back to the repository’s latest backup only when that one names no plan', () => {
    const byPlan = Object.fromEntries(latestPlanBackups(entries));
    const byRepo = Object.fromEntries(latestBackups(entries));
    expect(planTargetLatest(byPlan, byRepo, 'docs', 'r1')?.id).toBe('docs-new');
    // r1's latest backup belongs to Photos: not the Documents plan's result on r3, nor a new plan's on r1.
    expect(planTargetLatest(byPlan, byRepo, 'new-plan', 'r1')).toBeUndefined();
    expect(planTargetLatest(byPlan, byRepo, 'docs', 'r3')?.id).toBe('manual');
    expect(planTargetLatest(byPlan, { ...byRepo, r3: null }, 'docs', 'r3')).toBeUndefined();
  });
});

describe('statsSummary', () => {
  it('names files, original and stored bytes of a backup, and restored bytes of a restore', () => {
    const stats = { fileCount: 1234, originalSize: 2_500_000, deduplicatedSize: 1000 };
    expect(statsSummary(entry('b', '2024-01-01T00:00:00Z', { stats }))).toEqual([
      '1,234 files',
      '2.5 MB original',
      '1.0 kB stored',
    ]);
    const restored = entry('r', '2024-01-01T00:00:00Z', {
      kind: 'restore',
      stats: { fileCount: 1, originalSize: 10 },
    });
    expect(statsSummary(restored)).toEqual(['1 file', '10 B restored']);
    expect(statsSummary(entry('n', '2024-01-01T00:00:00Z'))).toEqual([]);
  });

  it('labels kinds, including ones this build does not know', () => {
    expect(kindLabel('backup')).toBe('Backup');
    expect(kindLabel('verify')).toBe('Verify');
    expect(kindIcon('verify')).toBe('terminal');
    expect(kindIcon('restore')).toBe('download');
    expect(kindLabel('break-lock')).toBe('Break lock');
    expect(kindLabel('init')).toBe('Create');
    expect(kindIcon('key-export')).toBe('lock');
  });
});

describe('formatShortDateTime', () => {
  it('leaves out the year of this year and keeps it for older entries', () => {
    const now = new Date(2024, 5, 1);
    expect(formatShortDateTime(new Date(2024, 4, 1, 9, 5).toISOString(), now, 'en-GB')).toBe('1 May, 09:05');
    expect(formatShortDateTime(new Date(2023, 4, 1, 9, 5).toISOString(), now, 'en-GB')).toBe(
      '1 May 2023, 09:05',
    );
    expect(formatShortDateTime('garbage', now)).toBe('—');
  });
});
