/**
 * Archive paths as borg stores them: relative, '/'-separated, no leading slash ("home/ann/a.txt").
 * The archive root is the empty string.
 */
import type { ArchiveEntry } from '../../../src-main/model/archive.js';

/** The folder holding `path` ('' for a top-level item). */
export function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

/** The last segment of `path`. */
export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The folders and the item of `path`, root excluded ("a/b" → ["a", "b"]). */
export function segmentsOf(path: string): string[] {
  return path.split('/').filter((part) => part.length > 0);
}

/** True when `path` is `folder` or lies inside it; everything lies inside the root (''). */
export function isWithin(path: string, folder: string): boolean {
  return folder === '' || path === folder || path.startsWith(`${folder}/`);
}

/** One step of the archive breadcrumb. */
export interface ArchiveCrumb {
  readonly label: string;
  readonly path: string;
}

/** The breadcrumb of a folder, root excluded ("a/b" → a, a/b). */
export function archiveCrumbs(path: string): ArchiveCrumb[] {
  const crumbs: ArchiveCrumb[] = [];
  let current = '';
  for (const part of segmentsOf(path)) {
    current = current === '' ? part : `${current}/${part}`;
    crumbs.push({ label: part, path: current });
  }
  return crumbs;
}

/** A query with *, ? or [ is a glob (as in borg's fnmatch patterns); anything else a substring. */
export function searchModeFor(query: string): 'substring' | 'glob' {
  return /[*?[]/.test(query) ? 'glob' : 'substring';
}

/** True for entries the browser can open. */
export function isFolder(entry: Pick<ArchiveEntry, 'type'>): boolean {
  return entry.type === 'directory';
}

/** `user:group`, or just the user when the group is the same or missing. */
export function ownerOf(entry: Pick<ArchiveEntry, 'user' | 'group'>): string {
  if (!entry.group || entry.group === entry.user) return entry.user;
  return `${entry.user}:${entry.group}`;
}
