import { describe, expect, it } from 'vitest';
import type { ArchiveEntry, FolderPage } from '../../../src-main/model/archive.js';
import { FolderPageCache, folderKey, PAGE_SIZE } from './folder-page-cache.js';

const entry = (i: number): ArchiveEntry => ({
  name: `f${i}`,
  path: `big/f${i}`,
  type: 'file',
  size: i,
  mtime: '2024-01-01T00:00:00',
  mode: '-rw-r--r--',
  user: 'ann',
  group: 'ann',
});

function page(offset: number, count: number, total: number, complete = true): FolderPage {
  return {
    path: 'big',
    offset,
    total,
    complete,
    entries: Array.from({ length: Math.max(0, Math.min(count, total - offset)) }, (_, i) =>
      entry(offset + i),
    ),
  };
}

const key = folderKey({ repoId: 'r', archiveName: 'a' }, 'big', { key: 'name', direction: 'asc' });

describe('FolderPageCache', () => {
  it('asks only for the pages of the rows in view that it lacks', () => {
    const cache = new FolderPageCache();
    expect(cache.pagesToFetch(key, 0, 40, 's')).toEqual([0]);
    cache.put(key, page(0, PAGE_SIZE, 100_000), 's');
    expect(cache.totals(key)).toEqual({ total: 100_000, complete: true });
    expect(cache.entryAt(key, 7)?.name).toBe('f7');
    expect(cache.pagesToFetch(key, 190, 230, 's')).toEqual([1]);
    expect(cache.entryAt(key, 250)).toBeUndefined();
  });

  it('splits a large window into pages', () => {
    const cache = new FolderPageCache();
    cache.put(key, page(0, 5000, 100_000), 's');
    expect(cache.entryAt(key, 4999)?.name).toBe('f4999');
    expect(cache.pagesToFetch(key, 0, 5000, 's')).toEqual([]);
  });

  it('refetches incomplete pages once the index has grown, never complete ones', () => {
    const cache = new FolderPageCache();
    cache.put(key, page(0, PAGE_SIZE, 50, false), 'loading:50');
    expect(cache.pagesToFetch(key, 0, 30, 'loading:50')).toEqual([]);
    expect(cache.pagesToFetch(key, 0, 30, 'loading:900')).toEqual([0]);
    cache.put(key, page(0, PAGE_SIZE, 80, true), 'ready:900');
    expect(cache.pagesToFetch(key, 0, 30, 'something-else')).toEqual([]);
    expect(cache.allEntries(key)?.length).toBe(80);
  });

  it('bounds the pages it keeps per folder and the folders it keeps', () => {
    const cache = new FolderPageCache(2, 3);
    for (let p = 0; p < 10; p += 1) cache.put(key, page(p * PAGE_SIZE, PAGE_SIZE, 100_000), 's');
    expect(cache.pagesToFetch(key, 0, 10 * PAGE_SIZE, 's')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const other = (n: number) =>
      folderKey({ repoId: 'r', archiveName: 'a' }, `d${n}`, { key: 'name', direction: 'asc' });
    cache.put(other(1), page(0, 10, 10), 's');
    cache.put(other(2), page(0, 10, 10), 's');
    expect(cache.totals(key)).toBeUndefined();
    expect(cache.totals(other(2))?.total).toBe(10);
  });

  it('keeps an empty folder as known and empty', () => {
    const cache = new FolderPageCache();
    cache.put(key, { path: 'big', offset: 0, total: 0, complete: true, entries: [] }, 's');
    expect(cache.totals(key)).toEqual({ total: 0, complete: true });
    expect(cache.pagesToFetch(key, 0, 0, 's')).toEqual([]);
    expect(cache.allEntries(key)).toEqual([]);
  });
});
