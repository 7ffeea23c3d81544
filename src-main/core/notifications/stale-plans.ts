/**
 * Derives the stale check's records from what the core keeps: the plans and the job history.
 * A target's backups are the plan's own backup entries for that repository. Entries recorded before
 * jobs named their plan (and backups started outside any plan) carry no plan id; a target with no
 * entries of its own falls back to those, so upgrading does not make every plan look stale at once.
 */
import type { HistoryEntry } from '../../model/history.js';
import type { StaleItemRow } from '../../model/app.js';
import { isCompleteBackup, isFailedBackup } from '../../model/last-good-backup.js';
import type { Plan } from '../../model/plan.js';
import { targetKey } from '../plan-runs/plan-store.js';
import { isRemoteLocation } from '../repositories/location.js';
import { findStale, type BackupRecord, type StaleItem } from '../../model/stale-check.js';

/** The repository facts the derivation needs (a RepositorySummary fits). */
export interface StaleRepoInfo {
  readonly id: string;
  readonly name: string;
  readonly location: string;
}

/** Everything `findStalePlans` reads. */
export interface StaleSource {
  readonly plans: readonly Plan[];
  /** Backup history in any order; other kinds are ignored. */
  readonly history: readonly HistoryEntry[];
  readonly repos: readonly StaleRepoInfo[];
  /** True for a local repository path that is not there now (an unplugged drive). */
  readonly isAbsent?: (location: string) => boolean;
}

/** One day in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000;

interface TargetBackups {
  lastSuccess?: HistoryEntry;
  lastFailure?: HistoryEntry;
  firstAttemptAt?: number;
}

/** Backup summaries keyed by targetKey (entries with a plan) and by repository id (entries without). */
interface BackupSummaries {
  readonly byTarget: Map<string, TargetBackups>;
  readonly unplannedByRepo: Map<string, TargetBackups>;
}

function note(map: Map<string, TargetBackups>, key: string, entry: HistoryEntry, at: number): void {
  const info = map.get(key) ?? {};
  map.set(key, info);
  info.firstAttemptAt = Math.min(info.firstAttemptAt ?? at, at);
  // Only a complete backup resets the clock; an interrupted one is a failure with its own cause.
  const slot = isCompleteBackup(entry) ? 'lastSuccess' : isFailedBackup(entry) ? 'lastFailure' : undefined;
  if (slot === undefined) return;
  const known = info[slot];
  if (known === undefined || Date.parse(known.finishedAt) <= at) info[slot] = entry;
}

function summarise(history: readonly HistoryEntry[]): BackupSummaries {
  const summaries: BackupSummaries = { byTarget: new Map(), unplannedByRepo: new Map() };
  for (const entry of history) {
    if (entry.kind !== 'backup' || entry.status === 'cancelled') continue;
    const at = Date.parse(entry.finishedAt);
    if (Number.isNaN(at)) continue;
    if (entry.planId === undefined) note(summaries.unplannedByRepo, entry.repoId, entry, at);
    else note(summaries.byTarget, targetKey(entry.planId, entry.repoId), entry, at);
  }
  return summaries;
}

/** One record per plan target; a target that never succeeded is measured from its first recorded attempt. */
export function staleRecords(source: StaleSource): BackupRecord[] {
  const backups = summarise(source.history);
  const repos = new Map(source.repos.map((r) => [r.id, r]));
  return source.plans.flatMap((plan) =>
    plan.targets.map((target): BackupRecord => {
      const id = targetKey(plan.id, target.repoId);
      const repo = repos.get(target.repoId);
      const info = backups.byTarget.get(id) ?? backups.unplannedByRepo.get(target.repoId) ?? {};
      const failure = info.lastFailure;
      return {
        id,
        label: plan.name,
        repoName: repo?.name ?? failure?.repoName ?? info.lastSuccess?.repoName ?? target.repoId,
        localRepository: repo !== undefined && !isRemoteLocation(repo.location),
        scheduled: target.schedule.kind !== 'off',
        ...(repo !== undefined && source.isAbsent?.(repo.location) === true ? { targetAbsent: true } : {}),
        ...(info.lastSuccess !== undefined ? { lastSuccessAt: Date.parse(info.lastSuccess.finishedAt) } : {}),
        ...(info.lastSuccess === undefined && info.firstAttemptAt !== undefined
          ? { createdAt: info.firstAttemptAt }
          : {}),
        ...(failure !== undefined
          ? {
              lastFailure: {
                at: Date.parse(failure.finishedAt),
                code: failure.error?.code ?? 'Unknown',
                ...(failure.error?.message !== undefined ? { message: failure.error.message } : {}),
              },
            }
          : {}),
      };
    }),
  );
}

/** The stale plan targets as `app:stale` answers them, oldest first. */
export function findStalePlans(source: StaleSource, now: number, staleAfterDays: number): StaleItemRow[] {
  return findStale(staleRecords(source), now, staleAfterDays * DAY_MS).map((item) => ({
    id: item.id,
    label: item.label,
    repoName: item.repoName,
    ...(item.lastSuccessAt !== undefined
      ? { lastSuccessAt: new Date(item.lastSuccessAt).toISOString() }
      : {}),
    staleForMs: item.staleForMs,
    ...(item.cause !== undefined ? { cause: item.cause } : {}),
    ...(item.causeMessage !== undefined ? { causeMessage: item.causeMessage } : {}),
  }));
}

/** Back from the contract's row to the notification center's item (times as epoch ms). */
export function staleItemFromRow(row: StaleItemRow): StaleItem {
  return {
    id: row.id,
    label: row.label,
    repoName: row.repoName,
    ...(row.lastSuccessAt !== undefined ? { lastSuccessAt: Date.parse(row.lastSuccessAt) } : {}),
    staleForMs: row.staleForMs,
    ...(row.cause !== undefined ? { cause: row.cause } : {}),
    ...(row.causeMessage !== undefined ? { causeMessage: row.causeMessage } : {}),
  };
}
