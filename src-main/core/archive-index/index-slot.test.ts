import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArchiveIndexState } from '../../model/archive.js';
import { AppError } from '../app-error.js';
import { ArchiveTree } from './archive-tree.js';
import { IndexSlot, PROGRESS_INTERVAL_MS } from './index-slot.js';
import { item } from './test-items.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('IndexSlot', () => {
  it('reports a growing index at most every PROGRESS_INTERVAL_MS, and only when it changed', () => {
    vi.useFakeTimers();
    const slot = new IndexSlot({ repoId: 'r', archiveName: 'a' });
    const states: ArchiveIndexState[] = [];
    slot.startLoading((s) => states.push(s));
    const tree = new ArchiveTree();
    slot.tree = tree;
    expect(states).toEqual([expect.objectContaining({ status: 'loading', entryCount: 0 })]);
    for (let ms = 0; ms < 1000; ms += 10) {
      tree.add(item(`f${ms}`));
      vi.advanceTimersByTime(10);
    }
    expect(states.length).toBeLessThanOrEqual(1 + 1000 / PROGRESS_INTERVAL_MS);
    expect(states.length).toBeGreaterThanOrEqual(4);
    vi.advanceTimersByTime(1000);
    const quiet = states.length;
    vi.advanceTimersByTime(1000);
    expect(states.length).toBe(quiet);
    slot.succeed(tree, false, { repositoryId: 'x', archiveId: 'y' });
    vi.advanceTimersByTime(1000);
    expect(states.length).toBe(quiet);
    expect(slot.state()).toMatchObject({ status: 'ready', entryCount: 100, fromCache: false });
  });

  it('fails with a serialized error and rejects the tree promise', async () => {
    const slot = new IndexSlot({ repoId: 'r', archiveName: 'a' });
    slot.fail(new AppError('NotFound', 'gone'));
    await expect(slot.done).rejects.toMatchObject({ code: 'NotFound' });
    await slot.probed;
    expect(slot.state()).toMatchObject({
      status: 'failed',
      entryCount: 0,
      error: { code: 'NotFound', message: 'gone' },
    });
  });
});
