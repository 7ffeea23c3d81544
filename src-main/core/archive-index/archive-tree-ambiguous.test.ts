// Names borg 1.x lists alike (each undecodable byte printed as "?") are marked ambiguous, in memory
// and after a round trip through the index file; a real "?" without a twin is not.
import { describe, expect, it } from 'vitest';
import { ArchiveTree } from './archive-tree.js';
import { item } from './test-items.js';

function sample(): ArchiveTree {
  const tree = new ArchiveTree();
  tree.add(item('src', 'd'));
  tree.add(item('src/a?', '-', { size: 3 }));
  tree.add(item('src/a?', '-', { size: 5 }));
  tree.add(item('src/b', '-'));
  tree.add(item('src/why?', '-'));
  tree.add(item('src/d?', 'd'));
  tree.add(item('src/d?/x', '-'));
  tree.add(item('src/d?', 'd'));
  tree.add(item('src/d?/y', '-'));
  return tree;
}

describe('ArchiveTree: ambiguous names', () => {
  it.each([
    ['built', sample],
    ['read back from its index file', () => ArchiveTree.deserialize(sample().serialize())],
  ])('marks twins ambiguous and nothing else (%s)', (_how, make) => {
    const tree = make();
    const entries = tree.folder('src', { key: 'name', direction: 'asc' }, 0, 100)?.entries ?? [];
    const marked = entries.map((e) => [e.name, e.size, e.ambiguous === true]);
    // Folders first: the two "d?" folders are one entry whose contents are both folders'.
    expect(marked).toEqual([
      ['d?', 0, true],
      ['a?', 3, true],
      ['a?', 5, true],
      ['b', 0, false],
      ['why?', 0, false],
    ]);
    expect(tree.lookup('src/d?/x')?.ambiguous).toBeUndefined();
    expect(tree.lookup('src/a?')?.ambiguous).toBe(true);
  });
});
