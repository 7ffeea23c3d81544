import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../src-main/model/history.js';
import { historyEntryFixture } from '../../../src-main/core/test-support/history-entry-fixture.js';
import { latestBackups, latestGoodBackups } from '../history/history-list.js';
import { lastBackupFigure } from './last-backup.js';

const good = historyEntryFixture({ id: 'good', finishedAt: '2024-05-01T10:00:00.000Z' });
const interrupted = historyEntryFixture({
  id: 'cut',
  finishedAt: '2024-05-02T10:00:00.000Z',
  status: 'interrupted',
  error: { code: 'BorgdeskStopped', message: 'Borgdesk stopped while it ran.' },
});

function figureFor(entries: HistoryEntry[], lastBackupAt?: string) {
  const repo = lastBackupAt === undefined ? {} : { lastBackupAt };
  return lastBackupFigure(repo, latestBackups(entries).get('r1'), latestGoodBackups(entries).get('r1'));
}

describe('the Overview figure for the last backup', () => {
  it('shows an interrupted, cancelled or checkpoint backup only as the latest attempt', () => {
    expect(figureFor([good, interrupted])).toEqual({
      at: good.finishedAt,
      status: 'succeeded',
      attempt: { status: 'interrupted', at: interrupted.finishedAt },
    });
    const cancelled = { ...interrupted, id: 'c', status: 'cancelled' as const };
    expect(figureFor([good, cancelled]).at).toBe(good.finishedAt);
    const checkpoint = historyEntryFixture({
      id: 'cp',
      finishedAt: '2024-05-03T10:00:00.000Z',
      stats: { archiveName: 'home-2024-05-03.checkpoint' },
    });
    expect(figureFor([good, checkpoint])).toMatchObject({
      at: good.finishedAt,
      attempt: { at: checkpoint.finishedAt },
    });
  });

  it('never calls a repository backed up when only an interrupted attempt is known', () => {
    expect(figureFor([interrupted])).toEqual({
      attempt: { status: 'interrupted', at: interrupted.finishedAt },
    });
  });

  it("falls back to the repository's own record, and drops the attempt once a newer good backup exists", () => {
    expect(figureFor([interrupted], '2024-05-03T08:00:00.000Z')).toEqual({ at: '2024-05-03T08:00:00.000Z' });
    expect(figureFor([good], '2024-04-01T00:00:00.000Z')).toEqual({
      at: good.finishedAt,
      status: 'succeeded',
    });
    expect(figureFor([])).toEqual({});
  });
});
