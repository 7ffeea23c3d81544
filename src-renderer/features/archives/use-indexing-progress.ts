/**
 * How many archives of a repository have a complete contents index, for "Indexing archives…
 * (x of y)" while a search across archives or a version lookup reads them.
 */
import type { ArchiveIndexState } from '../../../src-main/model/archive.js';
import { indexKey, useArchiveIndexStore } from '../../stores/archive-index-store.js';
import { useReposStore } from '../../stores/repos-store.js';

/** Indexed archives of a repository out of all of them. */
export interface IndexingProgress {
  readonly done: number;
  readonly total: number;
}

/** Counts the archives of `names` whose index is ready. */
export function countIndexed(
  states: Readonly<Record<string, ArchiveIndexState>>,
  repoId: string,
  names: readonly string[],
): IndexingProgress {
  let done = 0;
  for (const archiveName of names)
    if (states[indexKey({ repoId, archiveName })]?.status === 'ready') done += 1;
  return { done, total: names.length };
}

/** Live indexing progress of a repository's archives. */
export function useIndexingProgress(repoId: string): IndexingProgress {
  const archives = useReposStore((s) => s.details[repoId]?.data?.archives);
  const states = useArchiveIndexStore((s) => s.states);
  return countIndexed(states, repoId, archives?.map((a) => a.name) ?? []);
}
