/** Reading entries out of TreeColumns: paths, lookups by path, and the contract's ArchiveEntry shape. */
import type { ArchiveEntry } from '../../model/archive.js';
import { formatTime, TYPE_DIR, TYPE_NAMES, TYPE_SYMLINK } from './item-fields.js';
import { FLAG_AMBIGUOUS, type TreeColumns } from './tree-columns.js';

/** Archive paths have no leading slash; tolerate one (and './', repeated or trailing slashes) from callers. */
export function normalizePath(path: string): string {
  const first = path.charCodeAt(0);
  const last = path.charCodeAt(path.length - 1);
  // The common case, a clean relative path, costs one indexOf.
  if (first !== 47 && last !== 47 && first !== 46 && path.indexOf('//') < 0) return path;
  return path
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/');
}

/** The full archive path of entry i ('' for the root). */
export function pathOf(c: TreeColumns, i: number): string {
  if (i <= 0) return '';
  let path = c.nameOf(i);
  for (let p = c.parent[i] as number; p > 0; p = c.parent[p] as number) path = `${c.nameOf(p)}/${path}`;
  return path;
}

/** The child of `dir` named `name` (UTF-8 bytes), a directory if several share the name; -1 if none. */
export function childNamed(c: TreeColumns, dir: number, name: Uint8Array): number {
  let found = -1;
  for (let k = c.firstChild[dir] as number; k >= 0; k = c.nextSibling[k] as number) {
    if (!c.nameEquals(k, name)) continue;
    if (c.type[k] === TYPE_DIR) return k;
    if (found < 0) found = k;
  }
  return found;
}

/** Entry index of a normalized path by walking down from the root, or -1. */
export function findByWalk(c: TreeColumns, path: string): number {
  if (path === '') return 0;
  let at = 0;
  for (const part of path.split('/')) {
    if (c.type[at] !== TYPE_DIR) return -1;
    at = childNamed(c, at, Buffer.from(part, 'utf8'));
    if (at < 0) return -1;
  }
  return at;
}

/** Entry i as the contract describes it; `path` is passed when the caller already knows it. */
export function toEntry(c: TreeColumns, i: number, path: string = pathOf(c, i)): ArchiveEntry {
  const type = c.type[i] as number;
  const entry: ArchiveEntry = {
    name: i === 0 ? '' : c.nameOf(i),
    path,
    type: TYPE_NAMES[type] ?? 'other',
    size: c.size[i] as number,
    mtime: formatTime(c.mtime[i] as number, c.attrOf(i, 3)),
    mode: c.attrOf(i, 0),
    user: c.attrOf(i, 1),
    group: c.attrOf(i, 2),
  };
  if (type === TYPE_SYMLINK) {
    const target = c.linkTargets.get(i);
    if (target !== undefined) entry.linkTarget = target;
  }
  if (type === TYPE_DIR) entry.childCount = c.childCount[i] as number;
  if (((c.flags[i] as number) & FLAG_AMBIGUOUS) !== 0) entry.ambiguous = true;
  return entry;
}

/** The folder holding a normalized path ('' for an entry at the root). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** `parent/name`, or `name` at the root. */
export function joinPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}/${name}`;
}
