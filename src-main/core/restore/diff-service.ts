/**
 * `archives:diff`: streams `borg diff --json-lines` between two archives of one repository (in its
 * lane) into categorised items. Counts cover every changed item; the list stops at a cap so a huge
 * diff cannot exhaust memory or the transport.
 */
import { runDiff } from '../../borg/commands/diff.js';
import type { BorgContext } from '../../borg/exec.js';
import { DIFF_CATEGORIES, type DiffItem, type DiffResult } from '../../model/archive.js';
import { AppError } from '../app-error.js';
import { toDiffItem } from './diff-categories.js';

/** How many items a diff result lists at most. */
export const DIFF_ITEM_LIMIT = 100_000;

/** What the diff needs: a repository's location and context, and its lane. */
export interface DiffDeps {
  resolve(repoId: string): Promise<{ location: string; ctx: BorgContext }>;
  runInLane<T>(repoId: string, task: () => Promise<T>): Promise<T>;
}

/** Compares archive A (older) with archive B (newer); `limit` is for tests. */
export async function diffArchives(
  params: { repoId: string; archiveA: string; archiveB: string; archiveIdA?: string; archiveIdB?: string },
  deps: DiffDeps,
  limit = DIFF_ITEM_LIMIT,
): Promise<DiffResult> {
  // A series (borg 2) has archives of one name: then the ids must differ.
  const same =
    params.archiveIdA !== undefined && params.archiveIdB !== undefined
      ? params.archiveIdA === params.archiveIdB
      : params.archiveA === params.archiveB;
  if (same) {
    throw new AppError('InvalidInput', 'Choose two different archives to compare.', undefined, {
      reason: 'chooseTwoDifferentArchives',
    });
  }
  const { location, ctx } = await deps.resolve(params.repoId);
  const items: DiffItem[] = [];
  const counts: Record<string, number> = Object.fromEntries(DIFF_CATEGORIES.map((c) => [c, 0]));
  let truncated = false;
  await deps.runInLane(params.repoId, () =>
    runDiff({ location, ...params }, ctx, (line) => {
      const item = toDiffItem(line);
      counts[item.category] = (counts[item.category] ?? 0) + 1;
      if (items.length < limit) items.push(item);
      else truncated = true;
    }),
  );
  return { items, counts, truncated };
}
