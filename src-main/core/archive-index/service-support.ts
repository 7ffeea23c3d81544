/** Small pieces of ArchiveIndexService: archive lookup in a listing, ordering, and error mapping. */
import type { ArchiveListing } from '../../borg/commands/list-archives.js';
import { AppError } from '../app-error.js';
import { GlobSyntaxError } from './glob.js';
import type { ArchiveIds } from './index-slot.js';

/**
 * Borg's ids of the archive with `archiveId` or, when that id is not listed (borg 1.x gives an
 * archive a new id when its comment changes), the archive named `archiveName`; NotFound when the
 * listing has neither.
 */
export function idsOf(listing: ArchiveListing, archiveName: string, archiveId?: string): ArchiveIds {
  const archive =
    (archiveId === undefined ? undefined : listing.archives.find((a) => a.id === archiveId)) ??
    listing.archives.find((a) => a.name === archiveName);
  if (archive === undefined)
    throw new AppError(
      'NotFound',
      `The archive "${archiveName}" is not in this repository.`,
      'Refresh the archive list.',
      { reason: 'archiveRepository', params: { archiveName } },
    );
  return { repositoryId: listing.repositoryId, archiveId: archive.id };
}

/**
 * Archives newest first. `borg list --json` gives start times to the second only and lists archives
 * oldest first, so archives of the same second keep borg's order, reversed.
 */
export function newestFirst<T extends { readonly start: string }>(archives: readonly T[]): T[] {
  return archives
    .map((archive, index) => ({ archive, index }))
    .sort((a, b) =>
      a.archive.start < b.archive.start ? 1 : a.archive.start > b.archive.start ? -1 : b.index - a.index,
    )
    .map((x) => x.archive);
}

/** Runs a search; a pattern that does not compile becomes an InvalidInput error the UI can show. */
export async function withPatternErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof GlobSyntaxError)) throw e;
    throw new AppError(
      'InvalidInput',
      e.message,
      'Check the brackets in the pattern, or search for plain text.',
      { reason: 'statedPattern', params: { message: e.message } },
    );
  }
}

/** The error for a `path` a fully indexed archive does not hold. */
export function notInArchive(path: string, kind: 'folder' | 'entry'): AppError {
  return kind === 'folder'
    ? new AppError('NotFound', `There is no folder "${path}" in this archive.`, undefined, {
        reason: 'folderArchive',
        params: { path },
      })
    : new AppError('NotFound', `There is no "${path}" in this archive.`, undefined, {
        reason: 'archive',
        params: { path },
      });
}

/** The error for an archive whose loading was cancelled. */
export function loadingCancelled(): AppError {
  return new AppError('Cancelled', 'Loading the archive was cancelled.', undefined, {
    reason: 'loadingArchiveCancelled',
  });
}
