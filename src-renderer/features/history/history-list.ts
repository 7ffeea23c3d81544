/**
 * Pure helpers for the History screen: merging pages and live entries into one newest-first list,
 * filtering by result, and picking each repository's (and each plan target's) latest backup for the
 * dashboard.
 */
import { isCompleteBackup } from '../../../src-main/model/last-good-backup.js';
import type { FinalJobStatus, HistoryEntry } from '../../../src-main/model/history.js';

/** The result filter of the History screen: one final status, or all of them. */
export type ResultFilter = 'all' | FinalJobStatus;

// ISO timestamps from the core compare correctly as numbers; a broken one sorts last.
function timeOf(value: string): number {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? -Infinity : ms;
}

/** Newest first by finish time; the id breaks ties so the order is stable across pages. */
export function compareNewestFirst(a: HistoryEntry, b: HistoryEntry): number {
  const diff = timeOf(b.finishedAt) - timeOf(a.finishedAt);
  if (diff !== 0) return diff;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Adds entries (a further page, or live `history:added` events) to a list: one row per job id (the
 * newer copy wins), newest first. Returns the same array when nothing changes, so stores skip renders.
 */
export function mergeEntries(
  current: readonly HistoryEntry[],
  incoming: readonly HistoryEntry[],
): readonly HistoryEntry[] {
  if (incoming.length === 0) return current;
  const byId = new Map<string, HistoryEntry>();
  for (const entry of current) byId.set(entry.id, entry);
  for (const entry of incoming) byId.set(entry.id, entry);
  return [...byId.values()].sort(compareNewestFirst);
}

/** The entries a filter lets through: an optional repository and a result. */
export function filterEntries(
  entries: readonly HistoryEntry[],
  filter: { readonly repoId?: string; readonly result: ResultFilter },
): readonly HistoryEntry[] {
  if (filter.result === 'all' && filter.repoId === undefined) return entries;
  return entries.filter(
    (entry) =>
      (filter.repoId === undefined || entry.repoId === filter.repoId) &&
      (filter.result === 'all' || entry.status === filter.result),
  );
}

/** Each repository's most recent backup (any result), keyed by repository id. */
export function latestBackups(entries: readonly HistoryEntry[]): ReadonlyMap<string, HistoryEntry> {
  return latestPerRepo(entries, (entry) => entry.kind === 'backup');
}

/**
 * Each repository's most recent complete backup — never a cancelled, failed or interrupted one, nor
 * a checkpoint (the shared rule, {@link isCompleteBackup}) — keyed by repository id.
 */
export function latestGoodBackups(entries: readonly HistoryEntry[]): ReadonlyMap<string, HistoryEntry> {
  return latestPerRepo(entries, isCompleteBackup);
}

function latestPerRepo(
  entries: readonly HistoryEntry[],
  accept: (entry: HistoryEntry) => boolean,
): ReadonlyMap<string, HistoryEntry> {
  const latest = new Map<string, HistoryEntry>();
  for (const entry of entries) {
    if (!accept(entry)) continue;
    const known = latest.get(entry.repoId);
    if (!known || compareNewestFirst(entry, known) < 0) latest.set(entry.repoId, entry);
  }
  return latest;
}

/** The key of a plan's backups to one repository in {@link latestPlanBackups}. */
export function planTargetKey(planId: string, repoId: string): string {
  return `${planId}|${repoId}`;
}

/** Each plan target's most recent backup (any result), keyed by {@link planTargetKey}. */
export function latestPlanBackups(entries: readonly HistoryEntry[]): ReadonlyMap<string, HistoryEntry> {
  const latest = new Map<string, HistoryEntry>();
  for (const entry of entries) {
    if (entry.kind !== 'backup' || entry.planId === undefined) continue;
    const key = planTargetKey(entry.planId, entry.repoId);
    const known = latest.get(key);
    if (!known || compareNewestFirst(entry, known) < 0) latest.set(key, entry);
  }
  return latest;
}

/**
 * A plan target's last backup: the plan's own, or — for history recorded before jobs named their
 * plan — the repository's latest backup when that one names no plan.
 */
export function planTargetLatest(
  byPlan: Readonly<Record<string, HistoryEntry>>,
  byRepo: Readonly<Record<string, HistoryEntry | null>>,
  planId: string,
  repoId: string,
): HistoryEntry | undefined {
  const own = byPlan[planTargetKey(planId, repoId)];
  if (own !== undefined) return own;
  const repoLatest = byRepo[repoId];
  return repoLatest && repoLatest.planId === undefined ? repoLatest : undefined;
}

/** Counts per result, for the filter's option labels. */
export function countByResult(entries: readonly HistoryEntry[]): Readonly<Record<FinalJobStatus, number>> {
  const counts: Record<FinalJobStatus, number> = {
    succeeded: 0,
    warning: 0,
    failed: 0,
    cancelled: 0,
    interrupted: 0,
  };
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
}
