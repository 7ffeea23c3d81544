/**
 * The restore selection: archive paths ticked across folders and search results. Ticking a folder
 * covers everything inside it, so the selection never holds a path together with one of its
 * ancestors, and what is restored is exactly the set of ticked paths.
 */
import i18next from 'i18next';
import type { ArchiveEntry } from '../../../src-main/model/archive.js';
import { formatCount } from '../../lib/format.js';
import { isWithin, parentOf } from './archive-paths.js';

/** One ticked item. */
export interface SelectedItem {
  readonly path: string;
  readonly type: ArchiveEntry['type'];
}

/** Ticked items by path. */
export type Selection = ReadonlyMap<string, SelectedItem>;

/** An empty selection. */
export const emptySelection: Selection = new Map();

/** The ticked path that covers `path` (the path itself or its nearest ticked ancestor), if any. */
export function coveringPath(selection: Selection, path: string): string | undefined {
  if (selection.size === 0) return undefined;
  let current = path;
  for (;;) {
    if (selection.has(current)) return current;
    if (current === '') return undefined;
    current = parentOf(current);
  }
}

/** Ticks or unticks one item. Ticking inside a ticked folder changes nothing; ticking a folder absorbs what lies inside. */
export function setSelected(selection: Selection, item: SelectedItem, selected: boolean): Selection {
  if (!selected) {
    if (!selection.has(item.path)) return selection;
    const next = new Map(selection);
    next.delete(item.path);
    return next;
  }
  if (coveringPath(selection, item.path) !== undefined) return selection;
  const next = new Map<string, SelectedItem>();
  for (const [path, existing] of selection) if (!isWithin(path, item.path)) next.set(path, existing);
  next.set(item.path, item);
  return next;
}

/**
 * Unticks one item that a ticked `folder` covers: the folder is replaced by its direct children
 * except the item's branch, which is expanded the same way down to the item.
 */
export function excludeFromFolder(
  selection: Selection,
  folder: string,
  childrenOf: (path: string) => readonly SelectedItem[],
  path: string,
): Selection {
  if (!selection.has(folder) || !isWithin(path, folder) || path === folder) return selection;
  const next = new Map(selection);
  next.delete(folder);
  let current = folder;
  while (current !== path) {
    const branch = childOnWay(current, path);
    for (const child of childrenOf(current)) if (child.path !== branch) next.set(child.path, child);
    current = branch;
  }
  return next;
}

// The direct child of `folder` on the way down to `path`.
function childOnWay(folder: string, path: string): string {
  const rest = folder === '' ? path : path.slice(folder.length + 1);
  const head = rest.split('/')[0] ?? rest;
  return folder === '' ? head : `${folder}/${head}`;
}

/** True when the archive root is ticked: everything is selected. */
export function isEverything(selection: Selection): boolean {
  return selection.has('');
}

/** The paths to hand to the restore, sorted; empty means the whole archive (nothing or the root ticked). */
export function selectedPaths(selection: Selection): string[] {
  if (isEverything(selection)) return [];
  return [...selection.keys()].sort();
}

/** "3 items selected (1 folder, 2 files)". */
export function describeSelection(selection: Selection): string {
  const count = selection.size;
  if (count === 0) return i18next.t('selection.nothing', { ns: 'archives' });
  if (isEverything(selection)) return i18next.t('selection.everything', { ns: 'archives' });
  let folders = 0;
  for (const item of selection.values()) if (item.type === 'directory') folders += 1;
  const files = count - folders;
  const head = i18next.t('selection.selected', { ns: 'archives', count, items: formatCount(count) });
  if (folders === 0 || files === 0) return head;
  return i18next.t('selection.selectedMixed', {
    ns: 'archives',
    head,
    folders: i18next.t('selection.folders', {
      ns: 'archives',
      count: folders,
      folders: formatCount(folders),
    }),
    files: i18next.t('selection.files', { ns: 'archives', count: files, files: formatCount(files) }),
  });
}
