/**
 * Questions over all archives of a repository: the versions of one path, and a search grouped by
 * path. Archives are indexed one after another (each index build is a borg run in the repository's
 * lane, and only a few trees fit in memory at once).
 */
import type { CrossArchiveHit, FileVersion } from '../../model/archive.js';
import type { ArchiveTree } from './archive-tree.js';

/** One archive of the repository, newest first, with its (lazily built) complete tree. */
export interface IndexedArchive {
  readonly name: string;
  /** Borg's archive id (what tells borg 2's archives of one name apart). */
  readonly id: string;
  readonly start: string;
  tree(): Promise<ArchiveTree>;
}

/** The archives holding `path`, newest first; `changed` compares with the next-older one. */
export async function versionsOf(archives: readonly IndexedArchive[], path: string): Promise<FileVersion[]> {
  const found: Omit<FileVersion, 'changed'>[] = [];
  for (const archive of archives) {
    const entry = (await archive.tree()).lookup(path);
    if (entry === undefined) continue;
    found.push({
      archiveName: archive.name,
      archiveId: archive.id,
      archiveStart: archive.start,
      size: entry.size,
      mtime: entry.mtime,
      type: entry.type,
    });
  }
  return found.map((v, i) => {
    const older = found[i + 1];
    const changed =
      older === undefined || older.size !== v.size || older.mtime !== v.mtime || older.type !== v.type;
    return { ...v, changed };
  });
}

/** Matches in every archive grouped by path (sorted by path); at most `limit` paths. */
export async function searchAcross(
  archives: readonly IndexedArchive[],
  query: string,
  mode: 'substring' | 'glob',
  limit: number,
): Promise<{ hits: CrossArchiveHit[]; truncated: boolean }> {
  const hits = new Map<string, CrossArchiveHit>();
  let truncated = false;
  for (const archive of archives) {
    const tree = await archive.tree();
    tree.searchEach(query, mode, (entry) => {
      let hit = hits.get(entry.path);
      if (hit === undefined) {
        // Full: paths already found still collect their other archives; new paths are only counted.
        if (hits.size >= limit) {
          truncated = true;
          return true;
        }
        hit = { path: entry.path, type: entry.type, archives: [] };
        hits.set(entry.path, hit);
      }
      // An archive that lists a path twice still counts once.
      if (hit.archives[hit.archives.length - 1]?.archiveId !== archive.id)
        hit.archives.push({
          archiveName: archive.name,
          archiveId: archive.id,
          size: entry.size,
          mtime: entry.mtime,
        });
      return true;
    });
  }
  const sorted = [...hits.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { hits: sorted, truncated };
}
