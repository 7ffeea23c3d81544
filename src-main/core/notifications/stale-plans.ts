/**
 * Derives the stale check's records from what the core keeps: the plans and the job history.
 * History entries carry no plan id, so a target's backups are its repository's backup entries.
 */
import type { HistoryEntry, StaleItemRow } from '../../ipc/contract.js';
import type { Plan } from '../plans/plan.js';
import { targetKey } from '../plan-runs/plan-store.js';
import { isRemoteLocation } from '../repositories/location.js';
import { findStale, type BackupRecord, type StaleItem } from './stale-check.js';

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
}

/** One day in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000;

interface RepoBackups {
  lastSuccess?: HistoryEntry;
  lastFailure?: HistoryEntry;
  firstAttemptAt?: number;
}

function summarise(history: readonly HistoryEntry[]): Map<string, RepoBackups> {
  const byRepo = new Map<string, RepoBackups>();
  for (const entry of history) {
    if (entry.kind !== 'backup' || entry.status === 'cancelled') continue;
    const at = Date.parse(entry.finishedAt);
    if (Number.isNaN(at)) continue;
    const info = byRepo.get(entry.repoId) ?? {};
    byRepo.set(entry.repoId, info);
    info.firstAttemptAt = Math.min(info.firstAttemptAt ?? at, at);
    const slot = entry.status === 'failed' ? 'lastFailure' : 'lastSuccess';
    const known = info[slot];
    if (known === undefined || Date.parse(known.finishedAt) <= at) info[slot] = entry;
  }
  return byRepo;
}

/** One record per plan target; a target that never succeeded is measured from its first recorded attempt. */
export function staleRecords(source: StaleSource): BackupRecord[] {
  const backups = summarise(source.history);
  const repos = new Map(source.repos.map((r) => [r.id, r]));
  return source.plans.flatMap((plan) =>
    plan.targets.map((target): BackupRecord => {
      const repo = repos.get(target.repoId);
      const info = backups.get(target.repoId) ?? {};
      const failure = info.lastFailure;
      return {
        id: targetKey(plan.id, target.repoId),
        label: plan.name,
        repoName: repo?.name ?? failure?.repoName ?? info.lastSuccess?.repoName ?? target.repoId,
        localRepository: repo !== undefined && !isRemoteLocation(repo.location),
        scheduled: target.schedule.kind !== 'off',
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
