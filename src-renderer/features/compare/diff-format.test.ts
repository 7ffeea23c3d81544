import { describe, expect, it } from 'vitest';
import type { DiffItem } from '../../../src-main/model/archive.js';
import { describeChange, describeItem, filterItems } from './diff-format.js';

const items: DiffItem[] = [
  { path: 'home/ann/new.txt', category: 'added', changes: [{ type: 'added', size: 1500 }] },
  {
    path: 'home/ann/Report.odt',
    category: 'modified',
    changes: [{ type: 'modified', added: 2_000_000, removed: 300 }, { type: 'mtime' }],
  },
  {
    path: 'home/ann/run.sh',
    category: 'mode',
    changes: [{ type: 'mode', oldMode: '-rw-r--r--', newMode: '-rwxr-xr-x' }],
  },
];

describe('diff format', () => {
  it('describes each kind of change', () => {
    expect(describeChange({ type: 'added', size: 1500 })).toBe('new file, 1.5 kB');
    expect(describeChange({ type: 'modified', added: 2_000_000, removed: 300 })).toBe('+2.0 MB −300 B');
    expect(
      describeChange({ type: 'owner', oldUser: 'ann', oldGroup: 'ann', newUser: 'root', newGroup: 'wheel' }),
    ).toBe('ann → root:wheel');
    expect(describeChange({ type: 'removed directory' })).toBe('removed folder');
  });

  it('leaves time stamps out when something else changed', () => {
    expect(describeItem(items[1] as DiffItem)).toBe('+2.0 MB −300 B');
    expect(describeItem({ path: 'x', category: 'modified', changes: [{ type: 'mtime' }] })).toBe(
      'modification time changed',
    );
    const times = {
      path: 'x',
      category: 'modified' as const,
      changes: [{ type: 'ctime' }, { type: 'mtime' }],
    };
    expect(describeItem(times)).toBe('only time stamps changed');
  });

  it('filters by category and path', () => {
    const all = new Set(['added', 'removed', 'modified', 'mode', 'owner', 'link'] as const);
    expect(filterItems(items, all, '').map((i) => i.path)).toHaveLength(3);
    expect(filterItems(items, new Set(['added', 'mode'] as const), '').map((i) => i.category)).toEqual([
      'added',
      'mode',
    ]);
    expect(filterItems(items, all, 'REPORT').map((i) => i.path)).toEqual(['home/ann/Report.odt']);
  });
});
