/**
 * Scheduled restore drills. A plan's "Test a restore: weekly / monthly" does not get a scheduler of
 * its own: a drill follows the plan run (hub topic 'plan-run-finished') that made a good archive once
 * the interval since the target's last drill has passed. So a drill always tests the archive just
 * made, while its sources have had the least time to change (more of the sample can be compared by
 * content), it never wakes a drive or the network for itself, and a target that is not backed up is
 * not drilled either (there is nothing new to prove). Missed intervals catch up with the next backup.
 */
import type { RestoreTestSchedule } from '../../model/drill.js';
import type { JobManager, JobSpec } from '../jobs/job-manager.js';
import type { PlanRunReport } from '../plan-runs/plan-run-report.js';
import type { DrillTarget } from './drill-job.js';
import { drillKey } from './drill-history.js';
import { log } from '../logging/log.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long a plan target goes between drills. */
export const RESTORE_TEST_INTERVAL_MS: Readonly<Record<Exclude<RestoreTestSchedule, 'off'>, number>> = {
  weekly: 7 * DAY_MS,
  monthly: 30 * DAY_MS,
};

/** True when a target with `setting`, last drilled at `lastAt` (epoch ms, if ever), is due at `now`. */
export function drillDue(
  setting: RestoreTestSchedule | undefined,
  lastAt: number | undefined,
  now: number,
): boolean {
  if (setting === undefined || setting === 'off') return false;
  return lastAt === undefined || now - lastAt >= RESTORE_TEST_INTERVAL_MS[setting];
}

/** What the drill schedule needs. */
export interface DrillScheduleDeps {
  readonly now: () => number;
  readonly jobs: Pick<JobManager, 'submit'>;
  /** When the target's last drill that ran to an end finished (from the history). */
  readonly lastDrillAt: (planId: string, repoId: string) => number | undefined;
  readonly drillJob: (target: DrillTarget) => JobSpec;
}

/** Queues the drills that follow plan runs. */
export class DrillSchedule {
  // Drills queued in this app run: the history has them only once they finished.
  private readonly queuedAt = new Map<string, number>();

  constructor(private readonly deps: DrillScheduleDeps) {}

  /** A hub subscriber of 'plan-run-finished': never throws. */
  onPlanRunFinished(report: PlanRunReport): void {
    try {
      const { plan, repo, archive } = report;
      if (archive === undefined || (report.result !== 'succeeded' && report.result !== 'warnings')) return;
      const key = drillKey(plan.id, repo.id);
      const last = Math.max(
        this.deps.lastDrillAt(plan.id, repo.id) ?? -Infinity,
        this.queuedAt.get(key) ?? -Infinity,
      );
      const now = this.deps.now();
      if (!drillDue(plan.restoreTest, Number.isFinite(last) ? last : undefined, now)) return;
      this.deps.jobs.submit(
        this.deps.drillJob({
          repo,
          plan,
          archive: { name: archive.name, id: archive.id },
          trigger: 'schedule',
        }),
      );
      this.queuedAt.set(key, now);
    } catch (e) {
      log.warn('a scheduled restore test could not be queued', e instanceof Error ? e.message : e);
    }
  }
}
