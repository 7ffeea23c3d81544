/**
 * The progress trackers of backup jobs with an estimated total: a plan's backup estimates from the
 * plan's last good backup to the same repository, as the job history recorded it (its archive's
 * original size and file count, from `borg create --json`: no extra borg run, and the same numbers
 * with borg 1.x and 2). Without one — a first backup, or history rolled off — a quick walk of the
 * sources may estimate instead.
 */
import type { HistoryEntry } from '../../model/history.js';
import type { Plan } from '../../model/plan.js';
import { expandHome, planPatternRules } from '../plans/plan.js';
import type { BackupEstimate, EstimateFeed } from './backup-estimate.js';
import { JobProgressTracker, type ProgressTracker } from './job-progress.js';
import { preWalkFeed, type PreWalkRequest } from './pre-walk.js';

/** What the plan backup trackers read: the history, newest first. */
export interface BackupProgressDeps {
  readonly history: { list(query: { repoId: string; limit: number }): { entries: readonly HistoryEntry[] } };
  /** A walk of the plan's sources, for when there is no earlier backup to go by. */
  readonly preWalk?: (plan: Plan) => EstimateFeed | undefined;
}

// The history keeps at most this many entries, so one page holds every one of a repository.
const HISTORY_PAGE = 1000;

/** The estimate from the newest good backup of `planId` to `repoId`; undefined when there is none. */
export function previousBackupEstimate(
  entries: readonly HistoryEntry[],
  planId: string,
  repoId: string,
): BackupEstimate | undefined {
  const last = entries.find(
    (e) =>
      e.kind === 'backup' &&
      e.planId === planId &&
      e.repoId === repoId &&
      (e.status === 'succeeded' || e.status === 'warning') &&
      e.stats?.originalSize !== undefined,
  );
  const stats = last?.stats;
  if (stats?.originalSize === undefined) return undefined;
  return { source: 'previous-archive', originalSize: stats.originalSize, fileCount: stats.fileCount ?? 0 };
}

/** The tracker factory for a plan's backup to `repoId`. */
export function planBackupProgress(
  deps: BackupProgressDeps,
): (plan: Plan, repoId: string) => ProgressTracker {
  return (plan, repoId) => new JobProgressTracker({ estimate: planEstimateFeed(deps, plan, repoId) });
}

/** The quick count of a plan's sources with its rules and exclusion flags (`~` expanded as for borg). */
export function planPreWalk(ctx: {
  readonly homeDir: string;
  readonly platform: string;
}): (plan: Plan) => EstimateFeed {
  return (plan) => {
    const request: PreWalkRequest = {
      sourcePaths: plan.sourcePaths.map((p) => expandHome(p, ctx.homeDir)),
      rules: planPatternRules(plan, ctx),
      flags: plan,
    };
    return preWalkFeed(request);
  };
}

// Read when the job starts, not when it is queued: a run queued behind the plan's previous one
// should go by that one.
function planEstimateFeed(deps: BackupProgressDeps, plan: Plan, repoId: string): EstimateFeed {
  let chosen: EstimateFeed | undefined;
  const choose = (): EstimateFeed | undefined => {
    if (chosen !== undefined) return chosen;
    const { entries } = deps.history.list({ repoId, limit: HISTORY_PAGE });
    const previous = previousBackupEstimate(entries, plan.id, repoId);
    chosen = previous !== undefined ? { current: () => previous } : deps.preWalk?.(plan);
    return chosen;
  };
  return {
    start: () => choose()?.start?.(),
    current: () => choose()?.current(),
    stop: () => chosen?.stop?.(),
  };
}
