import { describe, expect, it } from 'vitest';
import { categorize, toDiffChange, toDiffItem } from './diff-categories.js';

// Lines as borg 1.2.4 printed them for `borg diff --json-lines` (see the module comment).
const time = { type: 'mtime', old_mtime: '2026-11-21T23:57:30', new_mtime: '2026-11-21T23:58:06' };

describe('diff categories', () => {
  it('picks the most significant change of an item', () => {
    const cases: [Record<string, unknown>[], string][] = [
      [[{ type: 'added', size: 2 }], 'added'],
      [[{ type: 'added directory' }], 'added'],
      [[{ type: 'added link' }], 'added'],
      [[{ type: 'removed', size: 2 }], 'removed'],
      [[{ type: 'removed directory' }], 'removed'],
      [[{ type: 'changed link' }, time], 'link'],
      [
        [
          { type: 'modified', added: 8, removed: 3 },
          { type: 'owner', old_user: 'root', new_user: 'nobody', old_group: 'root', new_group: 'root' },
          time,
        ],
        'modified',
      ],
      // A chmod: borg also reports "modified" with no bytes moved; the mode change is what happened.
      [
        [
          { type: 'modified', added: 0, removed: 0 },
          { type: 'mode', old_mode: '-rw-r--r--', new_mode: '-rw-------' },
          { type: 'ctime', old_ctime: 'a', new_ctime: 'b' },
        ],
        'mode',
      ],
      [[{ type: 'owner', old_user: 'a', new_user: 'b' }, time], 'owner'],
      [[time], 'modified'],
      [[], 'modified'],
    ];
    for (const [changes, category] of cases) {
      expect(toDiffItem({ path: 'p', changes }).category, JSON.stringify(changes)).toBe(category);
    }
  });

  it('maps borg fields to the contract and tolerates odd ones', () => {
    expect(
      toDiffChange({
        type: 'owner',
        old_user: 'root',
        new_user: 'nobody',
        old_group: null,
        new_group: 'g',
        x: 1,
      }),
    ).toEqual({ type: 'owner', oldUser: 'root', newUser: 'nobody', newGroup: 'g' });
    expect(toDiffChange({ type: 'mode', old_mode: '-rw-r--r--', new_mode: '-rw-------' })).toEqual({
      type: 'mode',
      oldMode: '-rw-r--r--',
      newMode: '-rw-------',
    });
    expect(toDiffChange({ type: 'modified', added: 'lots' })).toEqual({ type: 'modified' });
    expect(toDiffChange({ nothing: true })).toEqual({ type: 'unknown' });
    expect(categorize([{ type: 'something new' }])).toBe('modified');
  });
});
