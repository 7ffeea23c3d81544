import { describe, expect, it } from 'vitest';
import type { ArchiveItem } from '../../borg/json-output.js';
import { ArchiveTree } from './archive-tree.js';
import { compareTrees, type GrowthLimits } from './growth.js';
import { item } from './test-items.js';

const limits: GrowthLimits = { folders: 50, files: 100 };
const MB = 1_000_000;

function tree(...items: ArchiveItem[]): ArchiveTree {
  const t = new ArchiveTree();
  for (const i of items) t.add(i);
  return t;
}

const file = (path: string, size: number, mtime = '2024-05-01T10:00:00.000000'): ArchiveItem =>
  item(path, '-', { size, mtime });

function before(): ArchiveTree {
  return tree(
    item('home', 'd'),
    item('home/you', 'd'),
    item('home/you/Videos', 'd'),
    file('home/you/Videos/old.mp4', 100 * MB),
    file('home/you/notes.txt', 2_000),
    file('home/you/todo.txt', 500),
    item('home/you/.cache', 'd'),
    file('home/you/.cache/a.bin', 3_000),
    item('etc', 'd'),
    file('etc/hosts', 40),
  );
}

function after(): ArchiveTree {
  return tree(
    item('home', 'd'),
    item('home/you', 'd'),
    item('home/you/Videos', 'd'),
    file('home/you/Videos/old.mp4', 100 * MB),
    file('home/you/Videos/trip.mp4', 4_000 * MB),
    file('home/you/Videos/party.mp4', 200 * MB),
    // Grew by 1000 bytes; todo.txt was deleted.
    file('home/you/notes.txt', 3_000, '2024-05-02T10:00:00.000000'),
    item('home/you/.cache', 'd'),
    file('home/you/.cache/a.bin', 3_000),
    file('home/you/.cache/b.bin', 50 * MB),
    item('etc', 'd'),
    // Same size, new mtime: changed, no growth.
    file('etc/hosts', 40, '2024-06-01T00:00:00.000000'),
  );
}

describe('compareTrees', () => {
  it('counts added, changed and removed files with their bytes', () => {
    const growth = compareTrees(before(), after(), '', limits);
    expect(growth?.totals).toEqual({
      grownBytes: 4_000 * MB + 200 * MB + 50 * MB + 1_000,
      shrunkBytes: 500,
      netBytes: 4_250 * MB + 500,
      addedFiles: 3,
      changedFiles: 2,
      removedFiles: 1,
    });
  });

  it('names the folder the growth landed in first, not its parents with the same bytes', () => {
    const growth = compareTrees(before(), after(), '', limits);
    const paths = growth?.folders.map((f) => f.path);
    expect(paths).toEqual(['home/you/Videos', 'home/you/.cache']);
    expect(growth?.folders[0]).toMatchObject({ grownBytes: 4_200 * MB, addedFiles: 2, changedFiles: 0 });
    expect(growth?.foldersTruncated).toBe(false);
  });

  it('names a parent whose growth is spread over several subfolders, with the sum below it', () => {
    const older = tree(item('data', 'd'), item('data/a', 'd'), item('data/b', 'd'));
    const newer = tree(file('data/a/x', 60), file('data/b/y', 40), file('data/z', 5));
    const growth = compareTrees(older, newer, '', limits);
    expect(growth?.folders.map((f) => [f.path, f.grownBytes, f.addedFiles])).toEqual([
      ['data', 105, 3],
      ['data/a', 60, 1],
      ['data/b', 40, 1],
    ]);
  });

  it('lists the most grown files first, with what changed files were before', () => {
    const growth = compareTrees(before(), after(), '', limits);
    expect(growth?.files.map((f) => f.path)).toEqual([
      'home/you/Videos/trip.mp4',
      'home/you/Videos/party.mp4',
      'home/you/.cache/b.bin',
      'home/you/notes.txt',
      'etc/hosts',
    ]);
    expect(growth?.files[3]).toEqual({
      path: 'home/you/notes.txt',
      kind: 'changed',
      size: 3_000,
      previousSize: 2_000,
      deltaBytes: 1_000,
    });
    expect(growth?.files[4]).toMatchObject({ kind: 'changed', deltaBytes: 0 });
  });

  it('keeps only the limit of files and folders and says so', () => {
    const newer = tree(...Array.from({ length: 500 }, (_, i) => file(`f${i}/x`, i + 1)));
    const growth = compareTrees(new ArchiveTree(), newer, '', { folders: 3, files: 5 });
    expect(growth?.files.map((f) => f.size)).toEqual([500, 499, 498, 497, 496]);
    expect(growth?.filesTruncated).toBe(true);
    expect(growth?.folders.map((f) => f.path)).toEqual(['f499', 'f498', 'f497']);
    expect(growth?.foldersTruncated).toBe(true);
    expect(growth?.totals.addedFiles).toBe(500);
  });

  it('counts a whole new folder as added and a whole vanished one as removed', () => {
    const older = tree(file('gone/deep/a', 7), file('gone/b', 3));
    const newer = tree(file('new/deep/c', 11));
    const growth = compareTrees(older, newer, '', limits);
    expect(growth?.totals).toMatchObject({ grownBytes: 11, shrunkBytes: 10, addedFiles: 1, removedFiles: 2 });
    expect(growth?.folders.map((f) => f.path)).toEqual(['new/deep']);
  });

  it('treats a file that became a folder as removed and the folder contents as added', () => {
    const older = tree(file('x', 9));
    const newer = tree(file('x/inside', 4));
    const growth = compareTrees(older, newer, '', limits);
    expect(growth?.totals).toMatchObject({ grownBytes: 4, shrunkBytes: 9, addedFiles: 1, removedFiles: 1 });
  });

  it('reports on one folder only when asked (drilling in)', () => {
    const growth = compareTrees(before(), after(), 'home/you', limits);
    expect(growth?.totals.grownBytes).toBe(4_250 * MB + 1_000);
    expect(growth?.totals.removedFiles).toBe(1);
    expect(growth?.files.some((f) => f.path.startsWith('etc/'))).toBe(false);
    expect(growth?.folders.map((f) => f.path)).toEqual(['home/you/Videos', 'home/you/.cache']);
    expect(compareTrees(before(), after(), 'nowhere', limits)).toBeUndefined();
    expect(compareTrees(before(), after(), 'etc/hosts', limits)).toBeUndefined();
  });

  it('finds nothing between equal trees, and everything is added against an empty one', () => {
    expect(compareTrees(before(), before(), '', limits)?.totals.grownBytes).toBe(0);
    expect(compareTrees(before(), before(), '', limits)?.files).toEqual([]);
    const first = compareTrees(new ArchiveTree(), before(), '', limits);
    expect(first?.totals).toMatchObject({ addedFiles: 5, grownBytes: 100 * MB + 5_540 });
    expect(first?.folders[0]?.path).toBe('home/you/Videos');
  });

  it('pairs children listed in another order, or with some missing, by name', () => {
    const older = tree(file('d/a', 1), file('d/b', 2), file('d/c', 3), file('d/d', 4), file('d/e', 5));
    const newer = tree(file('d/d', 4), file('d/a', 1), file('d/c', 30), file('d/e', 5), file('d/f', 6));
    const growth = compareTrees(older, newer, '', limits);
    expect(growth?.totals).toMatchObject({
      grownBytes: 27 + 6,
      shrunkBytes: 2,
      addedFiles: 1,
      changedFiles: 1,
      removedFiles: 1,
    });
    expect(growth?.files.map((f) => [f.path, f.kind])).toEqual([
      ['d/c', 'changed'],
      ['d/f', 'added'],
    ]);
  });

  it('pairs twin names (undecodable bytes shown alike) in listing order', () => {
    const older = tree(file('d/caf?', 5), file('d/caf?', 6));
    const newer = tree(file('d/caf?', 5), file('d/caf?', 8));
    const growth = compareTrees(older, newer, '', limits);
    expect(growth?.totals).toMatchObject({ grownBytes: 2, changedFiles: 1, addedFiles: 0, removedFiles: 0 });
  });
});
