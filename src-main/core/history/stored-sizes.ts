/**
 * The repository's stored size after each backup Borgdesk made, from the history: `borg list` does not
 * report it, but borg create's cache stats did when the backup ran, and the history kept them. The
 * Overview's growth chart draws them as steps.
 */
import type { ArchiveSummary } from '../../model/archive.js';
import type { HistoryEntry } from '../../model/history.js';
import type { RepositoryDetails } from '../../model/repository.js';

/** Archive name → stored size after it, for the backups of `repoId` (the newest entry per name wins). */
export function storedSizesByArchive(entries: Iterable<HistoryEntry>, repoId: string): Map<string, number> {
  const sizes = new Map<string, { readonly at: string; readonly size: number }>();
  for (const entry of entries) {
    const size = entry.stats?.repositoryStoredSize;
    const name = entry.stats?.archiveName;
    if (entry.kind !== 'backup' || entry.repoId !== repoId || size === undefined || name === undefined)
      continue;
    const known = sizes.get(name);
    if (known === undefined || known.at < entry.finishedAt) sizes.set(name, { at: entry.finishedAt, size });
  }
  return new Map([...sizes].map(([name, { size }]) => [name, size]));
}

/** `details` with each archive's stored size after it filled in from `sizes` where borg did not say. */
export function withStoredSizes(
  details: RepositoryDetails,
  sizes: ReadonlyMap<string, number>,
): RepositoryDetails {
  if (sizes.size === 0) return details;
  const archives = details.archives.map((a): ArchiveSummary => {
    const size = a.repositoryStoredSize ?? sizes.get(a.name);
    return size === undefined ? a : { ...a, repositoryStoredSize: size };
  });
  return { ...details, archives };
}
