/**
 * The one rule for "the last successful backup", shared by the core (stale check, repository list)
 * and the renderer (Overview, sidebar): a backup counts only when it ran to the end. A cancelled,
 * failed or interrupted job does not, and neither does a `.checkpoint` archive — the partial archive
 * borg 1.x keeps when a create is interrupted (borg docs, "borg create": checkpoints). Pure: no Node.
 */
import type { HistoryEntry } from './history.js';

/** The error code of a job that was still running when Borgdesk stopped (recorded at the next start). */
export const INTERRUPTED_CODE = 'BorgdeskStopped';

// borg 1.x names checkpoints `<name>.checkpoint`, and `<name>.checkpoint.N` when that name is taken.
const CHECKPOINT_NAME = /\.checkpoint(\.\d+)?$/;

/** True for the name of a partial archive that borg kept for an interrupted backup. */
export function isCheckpointArchive(name: string): boolean {
  return CHECKPOINT_NAME.test(name);
}

/** True for an archive that holds a complete backup (anything but a checkpoint). */
export function isCompleteArchive(archive: { readonly name: string }): boolean {
  return !isCheckpointArchive(archive.name);
}

/** The first complete archive of `archives` (sorted newest first), if any. */
export function newestCompleteArchive<T extends { readonly name: string }>(
  archives: readonly T[],
): T | undefined {
  return archives.find(isCompleteArchive);
}

/** True for a history entry of a backup that finished (with or without warnings) in a complete archive. */
export function isCompleteBackup(entry: Pick<HistoryEntry, 'kind' | 'status' | 'stats'>): boolean {
  if (entry.kind !== 'backup') return false;
  if (entry.status !== 'succeeded' && entry.status !== 'warning') return false;
  const name = entry.stats?.archiveName;
  return name === undefined || !isCheckpointArchive(name);
}

/** True for a backup attempt that ended badly: it failed, or Borgdesk stopped while it ran. */
export function isFailedBackup(entry: Pick<HistoryEntry, 'kind' | 'status'>): boolean {
  return entry.kind === 'backup' && (entry.status === 'failed' || entry.status === 'interrupted');
}

/** The newest complete backup among `entries` (any order), by finish time. */
export function lastGoodBackup<T extends HistoryEntry>(entries: Iterable<T>): T | undefined {
  let best: T | undefined;
  let bestAt = -Infinity;
  for (const entry of entries) {
    if (!isCompleteBackup(entry)) continue;
    const at = Date.parse(entry.finishedAt);
    if (Number.isNaN(at) || at < bestAt) continue;
    best = entry;
    bestAt = at;
  }
  return best;
}
