import { describe, expect, it } from 'vitest';
import type { EntrySort } from '../../model/archive.js';
import { ArchiveTree } from './archive-tree.js';
import { IndexFormatError } from './tree-codec.js';
import { item } from './test-items.js';

const byName: EntrySort = { key: 'name', direction: 'asc' };

function names(tree: ArchiveTree, path: string, sort: EntrySort = byName): string[] {
  return (tree.folder(path, sort, 0, 1000)?.entries ?? []).map((e) => e.name);
}

function sample(): ArchiveTree {
  const tree = new ArchiveTree();
  tree.add(item('home', 'd'));
  tree.add(item('home/ann', 'd', { mtime: '2024-01-02T00:00:00.000000' }));
  tree.add(item('home/ann/notes.txt', '-', { size: 120, mtime: '2024-03-01T08:00:00.250000' }));
  tree.add(item('home/ann/file10.log', '-', { size: 5, mtime: '2024-02-01T08:00:00.000000' }));
  tree.add(item('home/ann/file9.log', '-', { size: 7, mtime: '2024-04-01T08:00:00.000000' }));
  tree.add(item('home/ann/Photos', 'd'));
  tree.add(item('home/ann/Photos/beach.JPG', '-', { size: 3000 }));
  tree.add(item('home/ann/link', 'l', { linktarget: 'notes.txt', size: 9 }));
  tree.add(item('etc', 'd'));
  tree.add(item('etc/hosts', '-', { size: 40 }));
  return tree;
}

describe('ArchiveTree building', () => {
  it('implies missing parent folders and fills them in when their own item arrives later', () => {
    const tree = new ArchiveTree();
    tree.add(item('a/b/c/file.txt', '-', { size: 3 }));
    expect(tree.entryCount).toBe(4);
    expect(tree.lookup('a/b')).toMatchObject({ type: 'directory', mtime: '', mode: '', childCount: 1 });
    tree.add(item('a/b', 'd', { mode: 'drwx------', mtime: '2023-12-31T23:59:59.999999' }));
    expect(tree.entryCount).toBe(4);
    expect(tree.lookup('a/b')).toMatchObject({ mode: 'drwx------', mtime: '2023-12-31T23:59:59.999999' });
    expect(tree.lookup('a/b/c/file.txt')).toMatchObject({
      name: 'file.txt',
      path: 'a/b/c/file.txt',
      size: 3,
    });
  });

  it('gives the same tree whatever order the items come in', () => {
    const items = [
      item('x', 'd'),
      item('x/y', 'd'),
      item('x/y/1', '-', { size: 1 }),
      item('x/2', '-', { size: 2 }),
      item('z', '-', { size: 4 }),
    ];
    const forward = new ArchiveTree();
    items.forEach((i) => forward.add(i));
    const backward = new ArchiveTree();
    [...items].reverse().forEach((i) => backward.add(i));
    for (const tree of [forward, backward]) {
      expect(tree.entryCount).toBe(5);
      expect(names(tree, '')).toEqual(['x', 'z']);
      expect(names(tree, 'x')).toEqual(['y', '2']);
      expect(tree.lookup('x/y')?.mode).toBe('drw-r--r--');
    }
  });

  it('keeps every item field the browser shows', () => {
    const e = sample().lookup('home/ann/link');
    expect(e).toEqual({
      name: 'link',
      path: 'home/ann/link',
      type: 'symlink',
      size: 9,
      mtime: '2024-05-01T10:00:00.000000',
      mode: 'lrw-r--r--',
      user: 'alice',
      group: 'staff',
      linkTarget: 'notes.txt',
    });
    expect(sample().lookup('home')).toMatchObject({ type: 'directory', childCount: 1 });
  });

  it('falls back to uid/gid when borg has no owner name, and maps odd types to other', () => {
    const tree = new ArchiveTree();
    tree.add(item('dev-null', 'c', { user: null, group: null, uid: 4242, gid: 77 }));
    tree.add(item('fifo', 'p'));
    expect(tree.lookup('dev-null')).toMatchObject({ type: 'other', user: '4242', group: '77' });
    expect(tree.lookup('fifo')?.type).toBe('other');
  });

  it('handles unicode names and odd characters', () => {
    const tree = new ArchiveTree();
    const odd = [
      'café-😀.txt',
      '日本語',
      ' lead space',
      'tab\there',
      'new\nline',
      '-dash',
      '*star?',
      '[x]',
      'a\\b',
      '.hidden',
    ];
    for (const n of odd) tree.add(item(`d/${n}`));
    expect(names(tree, 'd').sort()).toEqual(
      [...odd].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)).sort(),
    );
    for (const n of odd) expect(tree.lookup(`d/${n}`)?.name).toBe(n);
    expect(tree.search('😀', 'substring', 10).matches.map((m) => m.path)).toEqual(['d/café-😀.txt']);
    expect(tree.search('日本', 'substring', 10).matches.map((m) => m.name)).toEqual(['日本語']);
  });

  it('tolerates leading slashes, ./ and trailing slashes in paths', () => {
    const tree = new ArchiveTree();
    tree.add(item('/abs/file'));
    tree.add(item('./rel/', 'd'));
    expect(names(tree, '')).toEqual(['abs', 'rel']);
    expect(tree.lookup('/abs/file/')?.path).toBe('abs/file');
  });
});

describe('ArchiveTree folders', () => {
  it('sorts by name with folders first and numbers in natural order, both directions', () => {
    const tree = sample();
    expect(names(tree, 'home/ann')).toEqual(['Photos', 'file9.log', 'file10.log', 'link', 'notes.txt']);
    expect(names(tree, 'home/ann', { key: 'name', direction: 'desc' })).toEqual([
      'Photos',
      'notes.txt',
      'link',
      'file10.log',
      'file9.log',
    ]);
  });

  it('sorts by size, mtime and type', () => {
    const tree = sample();
    expect(names(tree, 'home/ann', { key: 'size', direction: 'desc' })).toEqual([
      'notes.txt',
      'link',
      'file9.log',
      'file10.log',
      'Photos',
    ]);
    expect(names(tree, 'home/ann', { key: 'mtime', direction: 'asc' })).toEqual([
      'file10.log',
      'notes.txt',
      'file9.log',
      'link',
      'Photos',
    ]);
    expect(names(tree, 'home/ann', { key: 'type', direction: 'asc' })).toEqual([
      'Photos',
      'file9.log',
      'file10.log',
      'notes.txt',
      'link',
    ]);
  });

  it('pages through a large folder with a stable order', () => {
    const tree = new ArchiveTree();
    for (let i = 0; i < 2500; i++) tree.add(item(`big/f${i}`, '-', { size: i }));
    const first = tree.folder('big', byName, 0, 100);
    expect(first?.total).toBe(2500);
    expect(first?.entries.map((e) => e.name).slice(0, 3)).toEqual(['f0', 'f1', 'f2']);
    const later = tree.folder('big', byName, 2450, 100);
    expect(later?.entries).toHaveLength(50);
    expect(later?.entries.at(-1)?.name).toBe('f2499');
    expect(later?.entries[0]?.path).toBe('big/f2450');
    const bySize = tree.folder('big', { key: 'size', direction: 'desc' }, 10, 2);
    expect(bySize?.entries.map((e) => e.size)).toEqual([2489, 2488]);
  });

  it('shows new children of a partially loaded folder on the next request', () => {
    const tree = new ArchiveTree();
    tree.add(item('d/b'));
    expect(names(tree, 'd')).toEqual(['b']);
    tree.add(item('d/a'));
    expect(names(tree, 'd')).toEqual(['a', 'b']);
  });

  it('returns undefined for a missing folder or a file', () => {
    const tree = sample();
    expect(tree.folder('nope', byName, 0, 10)).toBeUndefined();
    expect(tree.folder('etc/hosts', byName, 0, 10)).toBeUndefined();
    expect(tree.lookup('home/nobody')).toBeUndefined();
  });
});

describe('ArchiveTree measure and walk', () => {
  it('counts files and bytes under a selection, without double counting nested picks', () => {
    const tree = sample();
    expect(tree.measure([''])).toEqual({ fileCount: 6, totalBytes: 120 + 5 + 7 + 3000 + 9 + 40 });
    expect(tree.measure(['home/ann/Photos', 'home/ann/Photos/beach.JPG', 'etc/hosts'])).toEqual({
      fileCount: 2,
      totalBytes: 3040,
    });
    expect(tree.measure(['missing'])).toEqual({ fileCount: 0, totalBytes: 0 });
  });

  it('walks folders before their contents, including the selected folder itself', () => {
    const seen: string[] = [];
    sample().walk(['home/ann/Photos', 'etc'], (e) => seen.push(e.path));
    expect(seen).toEqual(['home/ann/Photos', 'home/ann/Photos/beach.JPG', 'etc', 'etc/hosts']);
    const all: string[] = [];
    sample().walk([''], (e) => all.push(e.path));
    expect(all).toHaveLength(10);
    expect(all.indexOf('home')).toBeLessThan(all.indexOf('home/ann/notes.txt'));
  });
});

describe('ArchiveTree search', () => {
  const paths = (r: { matches: { path: string }[] }): string[] => r.matches.map((m) => m.path).sort();

  it('finds case-insensitive substrings in names', () => {
    expect(paths(sample().search('FILE', 'substring', 10))).toEqual([
      'home/ann/file10.log',
      'home/ann/file9.log',
    ]);
    expect(paths(sample().search('jpg', 'substring', 10))).toEqual(['home/ann/Photos/beach.JPG']);
  });

  it('matches a substring with a slash against full paths', () => {
    expect(paths(sample().search('ann/photos', 'substring', 10))).toEqual([
      'home/ann/Photos',
      'home/ann/Photos/beach.JPG',
    ]);
    expect(paths(sample().search('/etc', 'substring', 10))).toEqual(['etc', 'etc/hosts']);
  });

  it('matches globs on names, and on whole paths when the pattern has a slash', () => {
    const tree = sample();
    expect(paths(tree.search('file?.log', 'glob', 10))).toEqual(['home/ann/file9.log']);
    expect(paths(tree.search('*.log', 'glob', 10))).toEqual(['home/ann/file10.log', 'home/ann/file9.log']);
    expect(paths(tree.search('[np]*', 'glob', 10))).toEqual(['home/ann/Photos', 'home/ann/notes.txt']);
    expect(paths(tree.search('[!a-m]*', 'glob', 10))).toEqual(['home/ann/Photos', 'home/ann/notes.txt']);
    expect(paths(tree.search('home/*/*.txt', 'glob', 10))).toEqual(['home/ann/notes.txt']);
    expect(paths(tree.search('home/*.jpg', 'glob', 10))).toEqual([]);
    expect(paths(tree.search('home/**/*.jpg', 'glob', 10))).toEqual(['home/ann/Photos/beach.JPG']);
    expect(paths(tree.search('**/hosts', 'glob', 10))).toEqual(['etc/hosts']);
    expect(paths(tree.search('/etc/**', 'glob', 10))).toEqual(['etc/hosts']);
  });

  it('stops at the limit and says so', () => {
    const tree = new ArchiveTree();
    for (let i = 0; i < 50; i++) tree.add(item(`d/report-${i}.pdf`));
    const r = tree.search('report', 'substring', 20);
    expect(r.matches).toHaveLength(20);
    expect(r.truncated).toBe(true);
    expect(tree.search('report', 'substring', 50).truncated).toBe(false);
    expect(tree.search('*.pdf', 'glob', 5)).toMatchObject({ truncated: true });
  });

  it('finds items added after an earlier search', () => {
    const tree = sample();
    expect(tree.search('late', 'substring', 10).matches).toHaveLength(0);
    tree.add(item('etc/late.conf'));
    expect(paths(tree.search('late', 'substring', 10))).toEqual(['etc/late.conf']);
  });
});

describe('ArchiveTree serialization', () => {
  it('round-trips every field, and a deserialized tree accepts more items', () => {
    const tree = sample();
    tree.add(item('café/😀', '-', { mtime: '2024-05-01T10:00:00.000001+02:00', size: 2 ** 40 + 3 }));
    const copy = ArchiveTree.deserialize(tree.serialize());
    expect(copy.entryCount).toBe(tree.entryCount);
    const all = (t: ArchiveTree): unknown[] => {
      const out: unknown[] = [];
      t.walk([''], (e) => out.push(e));
      return out.sort((a, b) => ((a as { path: string }).path < (b as { path: string }).path ? -1 : 1));
    };
    expect(all(copy)).toEqual(all(tree));
    expect(copy.lookup('café/😀')).toMatchObject({
      mtime: '2024-05-01T10:00:00.000001+02:00',
      size: 2 ** 40 + 3,
    });
    expect(copy.search('beach', 'substring', 5).matches[0]?.path).toBe('home/ann/Photos/beach.JPG');
    copy.add(item('home/ann/new.txt'));
    expect(names(copy, 'home/ann')).toContain('new.txt');
  });

  it('finds the same names from an index file (lower-cased pool) as in memory, unicode included', () => {
    const build = (extra: string[]) => {
      const tree = sample();
      for (const name of ['Ünïcode-Café.TXT', 'ΟΔΟΣ.md', 'ファイル.txt', 'a%b_c.txt', ...extra])
        tree.add(item(`home/ann/${name}`));
      return tree;
    };
    const queries = ['café', 'ÜNÏ', 'οδος', 'ファイル', 'file', '.txt', 'NOTES', '%b_', 'missing', 'e'];
    for (const extra of [[], ['İstanbul.txt']]) {
      const live = build(extra);
      const stored = ArchiveTree.deserialize(live.serialize());
      for (const q of queries) {
        const paths = (t: ArchiveTree) => t.search(q, 'substring', 100).matches.map((m) => m.path);
        expect(paths(stored)).toEqual(paths(live));
      }
      // The limit still stops the search on the stored pool.
      expect(stored.search('.txt', 'substring', 2)).toMatchObject({ truncated: true });
    }
    expect(
      ArchiveTree.deserialize(build([]).serialize()).search('ünï', 'substring', 10).matches,
    ).toHaveLength(1);
  });

  it('rejects a damaged, truncated or foreign buffer', () => {
    const data = sample().serialize();
    const flipped = Buffer.from(data);
    flipped[flipped.length - 40] = (flipped[flipped.length - 40] as number) ^ 0xff;
    expect(() => ArchiveTree.deserialize(flipped)).toThrow(IndexFormatError);
    expect(() => ArchiveTree.deserialize(data.subarray(0, data.length - 8))).toThrow(IndexFormatError);
    expect(() =>
      ArchiveTree.deserialize(Buffer.from('not an index at all, just some text....................')),
    ).toThrow(IndexFormatError);
    const future = Buffer.from(data);
    future.writeUInt32LE(99, 4);
    expect(() => ArchiveTree.deserialize(future)).toThrow(IndexFormatError);
  });

  it('reads an index from a buffer that is not 8-byte aligned', () => {
    const data = sample().serialize();
    const shifted = Buffer.alloc(data.length + 3);
    data.copy(shifted, 3);
    expect(ArchiveTree.deserialize(shifted.subarray(3)).lookup('etc/hosts')?.size).toBe(40);
  });
});
