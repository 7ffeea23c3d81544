import { describe, expect, it } from 'vitest';
import {
  folderTreeReducer,
  foldersToLoad,
  initialTreeState,
  TREE_BATCH,
  visibleRows,
  type FolderTreeAction,
  type FolderTreeState,
  type LoadedChildren,
} from './folder-tree-state.js';
import { treeKeyEffect } from './folder-tree-keys.js';

const children = (parent: string, names: string[], complete = true, stamp = 's1'): LoadedChildren => ({
  folders: names.map((name) => ({
    path: parent === '' ? name : `${parent}/${name}`,
    name,
    mayHaveChildren: name !== 'empty',
  })),
  complete,
  stamp,
});

const run = (...actions: FolderTreeAction[]): FolderTreeState =>
  actions.reduce(folderTreeReducer, initialTreeState);

const labels = (state: FolderTreeState): string[] =>
  visibleRows(state, 'Archive').map((row) =>
    row.kind === 'more'
      ? `${row.level}:more(${row.hidden})`
      : `${row.level}:${row.name}${row.expanded ? '-' : row.expandable ? '+' : ''}`,
  );

describe('folder tree state', () => {
  it('starts with the root expanded and asks for its children once', () => {
    expect(foldersToLoad(initialTreeState, 's1')).toEqual(['']);
    const started = run({ type: 'load-start', path: '', stamp: 's1' });
    expect(foldersToLoad(started, 's1')).toEqual([]);
    expect(visibleRows(started, 'Archive')[0]).toMatchObject({ loading: true, expanded: true });
  });

  it('shows loaded children, expands and collapses, and knows empty folders have no chevron', () => {
    const state = run(
      { type: 'loaded', path: '', children: children('', ['docs', 'empty']) },
      { type: 'expand', path: 'docs' },
      { type: 'loaded', path: 'docs', children: children('docs', ['a', 'b']) },
    );
    expect(labels(state)).toEqual(['1:Archive-', '2:docs-', '3:a+', '3:b+', '2:empty']);
    expect(labels(folderTreeReducer(state, { type: 'collapse', path: 'docs' }))).toEqual([
      '1:Archive-',
      '2:docs+',
      '2:empty',
    ]);
    // A folder read complete with no sub-folders loses its chevron.
    const leaf = folderTreeReducer(folderTreeReducer(state, { type: 'expand', path: 'docs/a' }), {
      type: 'loaded',
      path: 'docs/a',
      children: children('docs/a', []),
    });
    expect(labels(leaf)).toContain('3:a');
  });

  it('reveals a folder by expanding its ancestors', () => {
    const state = run({ type: 'reveal', path: 'home/ann/photos' });
    expect(Object.keys(state.expanded).sort()).toEqual(['', 'home', 'home/ann']);
    expect(foldersToLoad(state, 's1').sort()).toEqual(['', 'home', 'home/ann']);
  });

  it('re-reads expanded folders read while loading once the index has grown, not complete ones', () => {
    const state = run(
      { type: 'loaded', path: '', children: children('', ['a'], false, 's1') },
      { type: 'expand', path: 'a' },
      { type: 'loaded', path: 'a', children: children('a', ['x'], true, 's1') },
    );
    expect(foldersToLoad(state, 's1')).toEqual([]);
    expect(foldersToLoad(state, 'ready:9')).toEqual(['']);
  });

  it('keeps a failed folder from being read in a loop until it is collapsed and expanded again', () => {
    const failed = run(
      { type: 'load-start', path: '', stamp: 's1' },
      { type: 'load-failed', path: '', message: 'no' },
    );
    expect(foldersToLoad(failed, 's2')).toEqual([]);
    expect(visibleRows(failed, 'Archive')[0]).toMatchObject({ error: 'no' });
    const retried = run(
      { type: 'load-failed', path: 'a', message: 'no' },
      { type: 'collapse', path: 'a' },
      {
        type: 'expand',
        path: 'a',
      },
    );
    expect(foldersToLoad(retried, 's1')).toContain('a');
  });

  it('shows a large fan-out in batches behind "Show more…"', () => {
    const names = Array.from({ length: TREE_BATCH * 2 + 5 }, (_, i) => `d${i}`);
    let state = run({ type: 'loaded', path: '', children: children('', names) });
    let rows = visibleRows(state, 'Archive');
    expect(rows).toHaveLength(1 + TREE_BATCH + 1);
    expect(rows.at(-1)).toMatchObject({ kind: 'more', hidden: TREE_BATCH + 5, setSize: TREE_BATCH + 1 });
    state = folderTreeReducer(state, { type: 'show-more', path: '' });
    state = folderTreeReducer(state, { type: 'show-more', path: '' });
    rows = visibleRows(state, 'Archive');
    expect(rows).toHaveLength(1 + names.length);
    expect(rows.some((row) => row.kind === 'more')).toBe(false);
  });
});

describe('folder tree keys', () => {
  const state = run(
    { type: 'loaded', path: '', children: children('', ['docs', 'music']) },
    { type: 'expand', path: 'docs' },
    { type: 'loaded', path: 'docs', children: children('docs', ['a']) },
  );
  const rows = visibleRows(state, 'Archive'); // Archive, docs, a, music

  it('moves with Up/Down/Home/End within bounds', () => {
    expect(treeKeyEffect(rows, 0, 'ArrowUp')).toEqual({ kind: 'focus', index: 0 });
    expect(treeKeyEffect(rows, 1, 'ArrowDown')).toEqual({ kind: 'focus', index: 2 });
    expect(treeKeyEffect(rows, 3, 'ArrowDown')).toEqual({ kind: 'focus', index: 3 });
    expect(treeKeyEffect(rows, 2, 'End')).toEqual({ kind: 'focus', index: 3 });
  });

  it('expands or enters with Right, collapses or goes to the parent with Left', () => {
    expect(treeKeyEffect(rows, 3, 'ArrowRight')).toEqual({ kind: 'expand', path: 'music' });
    expect(treeKeyEffect(rows, 1, 'ArrowRight')).toEqual({ kind: 'focus', index: 2 });
    expect(treeKeyEffect(rows, 1, 'ArrowLeft')).toEqual({ kind: 'collapse', path: 'docs' });
    expect(treeKeyEffect(rows, 2, 'ArrowLeft')).toEqual({ kind: 'focus', index: 1 });
    expect(treeKeyEffect(rows, 3, 'ArrowLeft')).toEqual({ kind: 'focus', index: 0 });
    expect(treeKeyEffect(rows, 0, 'ArrowLeft')).toEqual({ kind: 'collapse', path: '' });
  });

  it('selects with Enter and leaves other keys alone', () => {
    expect(treeKeyEffect(rows, 2, 'Enter')).toMatchObject({ kind: 'activate', row: { path: 'docs/a' } });
    expect(treeKeyEffect(rows, 2, 'Tab')).toEqual({ kind: 'none' });
  });
});
