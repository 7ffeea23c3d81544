/**
 * Pure pieces of the "Why did it grow?" dialog: sorting its tables, the headline in words, and the
 * breadcrumb steps of a drilled-into folder.
 */
import type { GrowthCounts, GrowthReport } from '../../../src-main/model/archive-growth.js';
import { formatBytes, formatCount } from '../../lib/format.js';

/** How a table is sorted: a numeric column, most first or least first. */
export interface GrowthSort<K extends string> {
  readonly key: K;
  readonly direction: 'asc' | 'desc';
}

/** Rows sorted by a numeric column; ties keep the core's order (most grown first). */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  sort: GrowthSort<K>,
  value: (row: T, key: K) => number,
): T[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * (value(a.row, sort.key) - value(b.row, sort.key)) || a.index - b.index)
    .map((x) => x.row);
}

/** The next sort after a click on `key`: the other direction of the same column, else most first. */
export function nextSort<K extends string>(current: GrowthSort<K>, key: K): GrowthSort<K> {
  if (current.key !== key) return { key, direction: 'desc' };
  return { key, direction: current.direction === 'desc' ? 'asc' : 'desc' };
}

/** A signed size: "+4.2 GB", "−300 B", "±0 B". */
export function signedBytes(bytes: number): string {
  if (bytes === 0) return '±0 B';
  return bytes > 0 ? `+${formatBytes(bytes)}` : `−${formatBytes(-bytes)}`;
}

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "12 files added, 3 changed, 1 removed" (parts that are zero are left out; "no file changed" when all are). */
export function fileCountsText(counts: GrowthCounts): string {
  const parts: string[] = [];
  if (counts.addedFiles > 0) parts.push(`${plural(counts.addedFiles, 'file', 'files')} added`);
  if (counts.changedFiles > 0)
    parts.push(
      parts.length === 0
        ? `${plural(counts.changedFiles, 'file', 'files')} changed`
        : `${formatCount(counts.changedFiles)} changed`,
    );
  if (counts.removedFiles > 0)
    parts.push(
      parts.length === 0
        ? `${plural(counts.removedFiles, 'file', 'files')} removed`
        : `${formatCount(counts.removedFiles)} removed`,
    );
  return parts.length === 0 ? 'no file changed' : parts.join(', ');
}

/** "4.2 GB added or grown, 3 MB removed or shrunk; 12 files added, 1 removed." (no zero bytes part). */
export function summaryText(counts: GrowthCounts): string {
  const bytes = [`${formatBytes(counts.grownBytes)} added or grown`];
  if (counts.shrunkBytes > 0) bytes.push(`${formatBytes(counts.shrunkBytes)} removed or shrunk`);
  return `${bytes.join(', ')}; ${fileCountsText(counts)}.`;
}

/** What the report compares, in words, after the headline figure. */
export function comparedWith(report: GrowthReport, formatDate: (iso: string) => string): string {
  const { against } = report;
  if (against === null) return 'no older archive: everything in it counts as added';
  const when = formatDate(against.start);
  if (report.sameSeries) return `since ${against.name} (${when})`;
  return `since ${against.name} (${when}), the previous archive`;
}

/** The breadcrumb steps of a folder: each ancestor with its path, the folder itself last. */
export function folderSteps(folder: string): { readonly name: string; readonly path: string }[] {
  if (folder === '') return [];
  const parts = folder.split('/');
  return parts.map((name, i) => ({ name, path: parts.slice(0, i + 1).join('/') }));
}

/** A folder's path shown inside the folder being looked at ("Videos/2024" inside "home/you"). */
export function pathWithin(path: string, folder: string): string {
  return folder !== '' && path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : path;
}
