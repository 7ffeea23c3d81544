/**
 * The metrics of each plan and repository, read from the job history rather than kept in a store of
 * their own: the history already survives restarts and holds every backup's status, times and sizes,
 * so the textfile written at start says what the one written before the restart said.
 */
import type { HistoryEntry } from '../../model/history.js';
import { isCompleteBackup } from '../../model/last-good-backup.js';
import type { MetricsRunResult, TargetMetrics } from './metrics-format.js';

/** What the metrics need to name a plan or a repository (the current name, not the one in the history). */
export interface Named {
  readonly id: string;
  readonly name: string;
}

/** A plan as the metrics see it: its name and the repositories it backs up to now. */
export interface PlanTargets extends Named {
  readonly targets: readonly { readonly repoId: string }[];
}

interface Run {
  readonly backup: HistoryEntry;
  readonly followUps: HistoryEntry[];
}

// A run's jobs end in the worst of their statuses, as plan-run-report.ts ranks them.
function runResult(run: Run): MetricsRunResult {
  const statuses = [run.backup, ...run.followUps].map((e) => e.status);
  if (statuses.includes('cancelled')) return 'cancelled';
  if (statuses.includes('interrupted')) return 'interrupted';
  if (statuses.includes('failed')) return 'failed';
  if (statuses.includes('warning')) return 'warnings';
  return 'succeeded';
}

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/**
 * One TargetMetrics per current plan and repository with at least one backup in `history` (any
 * order). A run is a plan's backup and the prune and compact recorded for that plan and repository
 * after it; plans and repositories that no longer exist, or no longer go together, are left out.
 */
export function metricsFromHistory(
  history: readonly HistoryEntry[],
  plans: readonly PlanTargets[],
  repositories: readonly Named[],
): TargetMetrics[] {
  const repoNames = new Map(repositories.map((r) => [r.id, r.name]));
  const runs = new Map<string, Run[]>();
  const byTime = [...history].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  for (const entry of byTime) {
    if (entry.planId === undefined) continue;
    const key = `${entry.planId}\u0000${entry.repoId}`;
    const list = runs.get(key) ?? [];
    if (entry.kind === 'backup') {
      list.push({ backup: entry, followUps: [] });
      runs.set(key, list);
    } else if (entry.kind === 'prune' || entry.kind === 'compact') {
      // A prune or compact before the plan's first recorded backup belongs to no run we know.
      list.at(-1)?.followUps.push(entry);
    }
  }
  const targets: TargetMetrics[] = [];
  for (const plan of plans) {
    for (const { repoId } of plan.targets) {
      const repository = repoNames.get(repoId);
      const planRuns = runs.get(`${plan.id}\u0000${repoId}`);
      const last = planRuns?.at(-1);
      if (repository === undefined || planRuns === undefined || last === undefined) continue;
      const ended = [last.backup, ...last.followUps].reduce(
        (latest, e) => (Date.parse(e.finishedAt) > Date.parse(latest) ? e.finishedAt : latest),
        last.backup.finishedAt,
      );
      const success = planRuns.findLast((run) => isCompleteBackup(run.backup))?.backup;
      const stats = success?.stats;
      targets.push({
        ...{ plan: plan.name, planId: plan.id, repository, repositoryId: repoId },
        lastRunAt: seconds(ended),
        lastResult: runResult(last),
        lastDurationSeconds: Math.max(0, (Date.parse(ended) - Date.parse(last.backup.startedAt)) / 1000),
        ...(success !== undefined
          ? {
              lastSuccess: {
                at: seconds(success.finishedAt),
                ...(stats?.originalSize !== undefined ? { originalBytes: stats.originalSize } : {}),
                ...(stats?.compressedSize !== undefined ? { compressedBytes: stats.compressedSize } : {}),
                ...(stats?.deduplicatedSize !== undefined
                  ? { deduplicatedBytes: stats.deduplicatedSize }
                  : {}),
                ...(stats?.fileCount !== undefined ? { files: stats.fileCount } : {}),
                ...(stats?.repositoryStoredSize !== undefined
                  ? { repositoryBytes: stats.repositoryStoredSize }
                  : {}),
              },
            }
          : {}),
      });
    }
  }
  return targets;
}
