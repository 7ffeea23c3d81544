import { describe, expect, it } from 'vitest';
import type { EntrySort } from '../../model/archive.js';
import { ArchiveTree } from './archive-tree.js';
import { item } from './test-items.js';

const SORTS: readonly EntrySort[] = (['name', 'size', 'mtime', 'type'] as const).flatMap((key) => [
  { key, direction: 'asc' as const },
  { key, direction: 'desc' as const },
]);

// A folder big enough that rows from a linear page scan and from locate could plausibly disagree:
// mixed types, repeated sizes and times (ties fall back to the name order) and names that differ
// only in case.
function bigFolder(count: number): ArchiveTree {
  const tree = new ArchiveTree();
  tree.add(item('data', 'd'));
  for (let n = 0; n < count; n++) {
    const day = String(1 + (n % 28)).padStart(2, '0');
    const extra = { size: (n * 7919) % 97, mtime: `2024-02-${day}T12:00:00.000000` };
    if (n % 50 === 0) tree.add(item(`data/dir${n}`, 'd', extra));
    else if (n % 33 === 0) tree.add(item(`data/link${n}`, 'l', { ...extra, linktarget: 'x' }));
    else tree.add(item(`data/file${n}.${n % 3 === 0 ? 'txt' : 'bin'}`, '-', extra));
  }
  for (const name of ['Readme.md', 'README.md', 'readme.md', 'Same', 'same'])
    tree.add(item(`data/${name}`, '-', { size: 5, mtime: '2024-02-03T12:00:00.000000' }));
  tree.add(item('data/SAME', 'd'));
  return tree;
}

function allRows(tree: ArchiveTree, folder: string, sort: EntrySort): string[] {
  return (tree.folder(folder, sort, 0, Number.MAX_SAFE_INTEGER)?.entries ?? []).map((e) => e.path);
}

describe('ArchiveTree.locate', () => {
  const tree = bigFolder(3000);

  it('gives the row each entry has in the folder pages, under every sort', () => {
    for (const sort of SORTS) {
      const rows = allRows(tree, 'data', sort);
      expect(rows.length).toBe(3006);
      // Every 37th row plus both ends and the case-only twins.
      const probes = rows.filter((_, k) => k % 37 === 0 || k === rows.length - 1);
      probes.push(
        'data/Readme.md',
        'data/README.md',
        'data/readme.md',
        'data/Same',
        'data/same',
        'data/SAME',
      );
      for (const path of probes)
        expect(tree.locate(path, sort), `${path} ${sort.key} ${sort.direction}`).toEqual({
          folder: 'data',
          index: rows.indexOf(path),
        });
    }
  });

  it('tells apart names that compare equal ignoring case', () => {
    const sort: EntrySort = { key: 'name', direction: 'asc' };
    const rows = ['Readme.md', 'README.md', 'readme.md'].map((n) => tree.locate(`data/${n}`, sort)?.index);
    expect(new Set(rows).size).toBe(3);
    // Upper case sorts first among names equal ignoring case: 'README' < 'Readme' < 'readme' by code unit.
    expect(rows[1]).toBeLessThan(rows[0] as number);
    expect(rows[0]).toBeLessThan(rows[2] as number);
    // A folder named like two files still sorts with the folders.
    expect(tree.locate('data/SAME', sort)?.index).toBeLessThan(
      tree.locate('data/Same', sort)?.index as number,
    );
  });

  it('finds entries at the root and deep down, with tolerant path spelling', () => {
    const deep = new ArchiveTree();
    deep.add(item('top.txt'));
    deep.add(item('a/b/c/file.txt'));
    deep.add(item('a/b/c/aaa.txt'));
    const byName: EntrySort = { key: 'name', direction: 'asc' };
    expect(deep.locate('top.txt', byName)).toEqual({ folder: '', index: 1 });
    expect(deep.locate('a', byName)).toEqual({ folder: '', index: 0 });
    expect(deep.locate('/a/b/c/file.txt', byName)).toEqual({ folder: 'a/b/c', index: 1 });
    expect(deep.locate('a/b/c/aaa.txt/', byName)).toEqual({ folder: 'a/b/c', index: 0 });
  });

  it('returns undefined for a missing path, a path below a file, and the root', () => {
    const sort: EntrySort = { key: 'size', direction: 'desc' };
    expect(tree.locate('data/nothing-here', sort)).toBeUndefined();
    expect(tree.locate('elsewhere/file1.bin', sort)).toBeUndefined();
    expect(tree.locate('data/file1.bin/below', sort)).toBeUndefined();
    expect(tree.locate('/', sort)).toBeUndefined();
  });

  it('follows children added after an earlier locate (a folder still being listed)', () => {
    const growing = new ArchiveTree();
    growing.add(item('f/m.txt'));
    const byName: EntrySort = { key: 'name', direction: 'asc' };
    expect(growing.locate('f/m.txt', byName)?.index).toBe(0);
    growing.add(item('f/a.txt'));
    expect(growing.locate('f/m.txt', byName)?.index).toBe(1);
  });
});
