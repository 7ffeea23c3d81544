import { describe, expect, it } from 'vitest';
import { historyEntryFixture as entry } from '../test-support/history-entry-fixture.js';
import { metricsFromHistory } from './metrics-from-history.js';

const plans = [{ id: 'p1', name: 'Documents', targets: [{ repoId: 'r1' }] }];
const repositories = [{ id: 'r1', name: 'NAS' }];
const t = (minute: number) => new Date(Date.UTC(2026, 2, 10, 9, minute)).toISOString();
const s = (minute: number) => Date.UTC(2026, 2, 10, 9, minute) / 1000;

const goodBackup = entry({
  id: 'b1',
  planId: 'p1',
  startedAt: t(0),
  finishedAt: t(2),
  stats: {
    archiveName: 'docs-1',
    originalSize: 900,
    compressedSize: 500,
    deduplicatedSize: 40,
    fileCount: 3,
  },
});

describe('metrics from the history', () => {
  it('takes a run as its backup and the prune and compact after it', () => {
    const history = [
      goodBackup,
      entry({ id: 'c1', kind: 'prune', planId: 'p1', startedAt: t(2), finishedAt: t(3) }),
      entry({
        id: 'c2',
        kind: 'compact',
        planId: 'p1',
        startedAt: t(3),
        finishedAt: t(5),
        status: 'warning',
      }),
      // Not the plan's: another plan, a plain backup without a plan, a job of another repository.
      entry({ id: 'x1', planId: 'p9', startedAt: t(6), finishedAt: t(7), status: 'failed' }),
      entry({ id: 'x2', startedAt: t(6), finishedAt: t(7), status: 'failed' }),
      entry({ id: 'x3', planId: 'p1', repoId: 'r2', startedAt: t(6), finishedAt: t(7), status: 'failed' }),
    ];
    expect(metricsFromHistory(history, plans, repositories)).toEqual([
      {
        ...{ plan: 'Documents', planId: 'p1', repository: 'NAS', repositoryId: 'r1' },
        lastRunAt: s(5),
        lastResult: 'warnings',
        lastDurationSeconds: 300,
        lastSuccess: { at: s(2), originalBytes: 900, compressedBytes: 500, deduplicatedBytes: 40, files: 3 },
      },
    ]);
  });

  it('a failed run after a good one changes the result and keeps the last success', () => {
    const failed = entry({ id: 'b2', planId: 'p1', startedAt: t(30), finishedAt: t(31), status: 'failed' });
    // Newest first, as the history lists them: the order given must not matter.
    const [metrics] = metricsFromHistory([failed, goodBackup], plans, repositories);
    expect(metrics).toMatchObject({
      lastResult: 'failed',
      lastRunAt: s(31),
      lastDurationSeconds: 60,
      lastSuccess: { at: s(2), deduplicatedBytes: 40 },
    });
  });

  it('a checkpoint archive or an interrupted backup is no success', () => {
    const checkpoint = entry({
      ...{ id: 'b3', planId: 'p1', startedAt: t(0), finishedAt: t(1), status: 'warning' },
      stats: { archiveName: 'docs-1.checkpoint' },
    });
    const interrupted = entry({
      id: 'b4',
      planId: 'p1',
      startedAt: t(5),
      finishedAt: t(6),
      status: 'interrupted',
    });
    const [metrics] = metricsFromHistory([checkpoint, interrupted], plans, repositories);
    expect(metrics?.lastResult).toBe('interrupted');
    expect(metrics?.lastSuccess).toBeUndefined();
  });

  it('names plans and repositories as they are now, and drops those that are gone', () => {
    const renamed = [{ id: 'p1', name: 'Papers', targets: [{ repoId: 'r1' }, { repoId: 'r3' }] }];
    const history = [goodBackup, entry({ id: 'b5', planId: 'p1', repoId: 'r3', finishedAt: t(9) })];
    expect(metricsFromHistory(history, renamed, repositories).map((m) => [m.plan, m.repository])).toEqual([
      ['Papers', 'NAS'],
    ]);
    expect(metricsFromHistory(history, [], repositories)).toEqual([]);
  });
});
