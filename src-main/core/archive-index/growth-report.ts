/**
 * `archives:growth`: which archive to compare with, and the comparison of their contents indexes.
 *
 * Why indexes and not `borg diff`: the index holds every item's size, is usually on disk already
 * (opening an archive builds it) and is built here with one `borg list` when missing; it reads the
 * same on borg 1.2, 1.4 and 2, whose `diff --json-lines` differ (borg 2 renames the change fields,
 * 1.4 drops empty "modified" entries); and drilling into a folder needs no further borg run. The
 * price: a file edited in place without changing size or mtime is not seen, which `borg diff`
 * (comparing chunks) would see. Sizes are the files' own, before compression and deduplication.
 */
import type { GrowthArchive, GrowthReport } from '../../model/archive-growth.js';
import { isCompleteArchive } from '../../model/last-good-backup.js';
import { AppError } from '../app-error.js';
import { ArchiveTree } from './archive-tree.js';
import type { IndexedArchive } from './cross-archive.js';
import { compareTrees, type GrowthLimits } from './growth.js';

/** What a report is asked for. */
export interface GrowthRequest {
  readonly archiveName: string;
  readonly archiveId?: string;
  /** Compare with this archive instead of the previous one of the same plan. */
  readonly againstArchiveName?: string;
  readonly againstArchiveId?: string;
  /** Only this folder of the archive ('' or absent: all of it). */
  readonly folder?: string;
}

const LIMITS: GrowthLimits = { folders: 50, files: 100 };

/** The growth report for one archive of a repository whose archives are `archives` (newest first). */
export async function growthReport(
  archives: readonly IndexedArchive[],
  request: GrowthRequest,
): Promise<GrowthReport> {
  const archive = findArchive(archives, request.archiveName, request.archiveId);
  const chosen =
    request.againstArchiveName === undefined && request.againstArchiveId === undefined
      ? undefined
      : findArchive(archives, request.againstArchiveName ?? '', request.againstArchiveId);
  const previous = chosen === undefined ? previousInSeries(archives, archive) : undefined;
  const against = chosen ?? previous?.archive;
  // One after the other: each tree may need a borg run in the repository's lane.
  const newer = await archive.tree();
  const older = against === undefined ? new ArchiveTree() : await against.tree();
  const folder = request.folder ?? '';
  const growth = compareTrees(older, newer, folder, LIMITS);
  if (growth === undefined)
    throw new AppError(
      'NotFound',
      `There is no folder "${folder}" in either archive.`,
      'Go back to the whole archive.',
      { reason: 'folderEitherArchive', params: { folder } },
    );
  return {
    archive: describe(archive),
    against: against === undefined ? null : describe(against),
    sameSeries: previous?.sameSeries ?? false,
    folder,
    ...growth,
  };
}

/**
 * The archive a backup is best compared with: the newest older complete archive of the same plan.
 * A plan's archives are `<prefix>-…` with a prefix that holds no "-" (archive-name.ts), and borg 2
 * series share the whole name, so the part before the first "-" tells a plan's archives apart.
 * Without one, the newest older complete archive at all (sameSeries false).
 */
export function previousInSeries<T extends { readonly name: string; readonly id: string }>(
  newestFirst: readonly T[],
  archive: T,
): { archive: T; sameSeries: boolean } | undefined {
  const at = newestFirst.indexOf(archive);
  const older = newestFirst.slice(at + 1).filter(isCompleteArchive);
  const series = seriesOf(archive.name);
  const same = older.find((a) => seriesOf(a.name) === series);
  if (same !== undefined) return { archive: same, sameSeries: true };
  const any = older[0];
  return any === undefined ? undefined : { archive: any, sameSeries: false };
}

function seriesOf(name: string): string {
  const dash = name.indexOf('-');
  return dash < 0 ? name : name.slice(0, dash);
}

function findArchive(archives: readonly IndexedArchive[], name: string, id?: string): IndexedArchive {
  const found =
    (id === undefined ? undefined : archives.find((a) => a.id === id)) ??
    archives.find((a) => a.name === name);
  if (found === undefined)
    throw new AppError(
      'NotFound',
      `The archive "${name}" is not in this repository any more.`,
      'Refresh the archive list.',
      { reason: 'archiveRepositoryMore', params: { name } },
    );
  return found;
}

function describe(archive: IndexedArchive): GrowthArchive {
  return { name: archive.name, id: archive.id, start: archive.start };
}
