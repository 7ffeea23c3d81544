/**
 * Pure pieces of the "Why did it grow?" dialog: sorting its tables, the headline in words, and the
 * breadcrumb steps of a drilled-into folder.
 */
import i18next from 'i18next';
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
  if (bytes === 0) return `±${formatBytes(0)}`;
  return bytes > 0 ? `+${formatBytes(bytes)}` : `−${formatBytes(-bytes)}`;
}

/** "12 files added, 3 changed, 1 removed" (parts that are zero are left out; "no file changed" when all are). */
export function fileCountsText(counts: GrowthCounts): string {
  const parts: string[] = [];
  // The first part names the files ("12 files added"); the ones after it only count ("3 changed").
  const add = (
    count: number,
    first: 'growth.filesAdded' | 'growth.filesChanged' | 'growth.filesRemoved',
    later: 'growth.changed' | 'growth.removed' | undefined,
  ): void => {
    if (count <= 0) return;
    const files = formatCount(count);
    parts.push(
      parts.length === 0 || later === undefined
        ? i18next.t(first, { ns: 'archives', count, files })
        : i18next.t(later, { ns: 'archives', files }),
    );
  };
  add(counts.addedFiles, 'growth.filesAdded', undefined);
  add(counts.changedFiles, 'growth.filesChanged', 'growth.changed');
  add(counts.removedFiles, 'growth.filesRemoved', 'growth.removed');
  return parts.length === 0 ? i18next.t('growth.noFileChanged', { ns: 'archives' }) : parts.join(', ');
}

/** "4.2 GB added or grown, 3 MB removed or shrunk; 12 files added, 1 removed." (no zero bytes part). */
export function summaryText(counts: GrowthCounts): string {
  const bytes = [i18next.t('growth.grownBytes', { ns: 'archives', size: formatBytes(counts.grownBytes) })];
  if (counts.shrunkBytes > 0)
    bytes.push(i18next.t('growth.shrunkBytes', { ns: 'archives', size: formatBytes(counts.shrunkBytes) }));
  return i18next.t('growth.summary', {
    ns: 'archives',
    bytes: bytes.join(', '),
    files: fileCountsText(counts),
  });
}

/** What the report compares, in words, after the headline figure. */
export function comparedWith(report: GrowthReport, formatDate: (iso: string) => string): string {
  const { against } = report;
  if (against === null) return i18next.t('growth.noOlder', { ns: 'archives' });
  const values = { ns: 'archives', name: against.name, when: formatDate(against.start) } as const;
  return report.sameSeries ? i18next.t('growth.since', values) : i18next.t('growth.sincePrevious', values);
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
