import { describe, expect, it } from 'vitest';
import type { RepositoryDetails } from '../../model/repository.js';
import { historyEntryFixture } from '../test-support/history-entry-fixture.js';
import { storedSizesByArchive, withStoredSizes } from './stored-sizes.js';

describe('stored sizes after each backup', () => {
  const entries = [
    historyEntryFixture({
      id: 'a',
      finishedAt: '2024-01-01T00:00:00Z',
      stats: { archiveName: 'one', repositoryStoredSize: 100 },
    }),
    historyEntryFixture({
      id: 'b',
      finishedAt: '2024-01-02T00:00:00Z',
      stats: { archiveName: 'two', repositoryStoredSize: 250 },
    }),
    // Another repository's backup and a prune are not this repository's sizes.
    historyEntryFixture({
      id: 'c',
      finishedAt: '2024-01-03T00:00:00Z',
      repoId: 'other',
      stats: { archiveName: 'two', repositoryStoredSize: 9 },
    }),
    historyEntryFixture({
      id: 'd',
      finishedAt: '2024-01-03T00:00:00Z',
      kind: 'prune',
      stats: { archiveName: 'one', repositoryStoredSize: 7 },
    }),
  ];

  it('names each archive of the repository with what it stored after it', () => {
    expect([...storedSizesByArchive(entries, 'r1')]).toEqual([
      ['one', 100],
      ['two', 250],
    ]);
  });

  it('fills in archives borg listed without the size, and leaves the rest', () => {
    const details = {
      archives: [
        { id: '1', name: 'one', start: '2024-01-01T00:00:00' },
        { id: '3', name: 'three', start: '2024-01-03T00:00:00' },
      ],
    } as unknown as RepositoryDetails;
    const filled = withStoredSizes(details, storedSizesByArchive(entries, 'r1'));
    expect(filled.archives.map((a) => a.repositoryStoredSize)).toEqual([100, undefined]);
  });
});
