/**
 * Periodic `borg check` per repository: its own Scheduler (same clock, timers and power events as
 * the plan one) with one target per repository whose check is not off. A due check is queued as a
 * job with trigger 'schedule' in the repository's lane, reported back to the scheduler when it
 * ends, and its time persisted in the CheckStore so a restart catches up a missed check once.
 * Like backups, a remote repository's check waits for the network, and an absent drive is waited for.
 */
import type { CheckSchedule, CheckScheduleRow } from '../../model/check.js';
import type { NetworkReadiness } from '../environment/network-readiness.js';
import type { FinishedJob, JobManager, JobSpec } from '../jobs/job-manager.js';
import { isLocalAndAbsent, isRemoteLocation } from '../repositories/location.js';
import type { StoredRepository } from '../repositories/repository-registry.js';
import { HostedScheduler } from '../schedule/hosted-scheduler.js';
import type { Scheduler } from '../schedule/scheduler.js';
import type { SchedulerTimers, UpcomingRun } from '../schedule/scheduler-types.js';
import type { Clock, EnvironmentSource, PowerEvents } from '../services.js';
import type { CheckStore } from './check-store.js';
import { log } from '../logging/log.js';

/** The repositories as the checks need them (RepositoryService provides this). */
export interface CheckRepositories {
  list(): readonly { readonly id: string }[];
  /** The stored repository; throws a NotFound AppError for an unknown id. */
  require(repoId: string): StoredRepository;
}

/** What the periodic checks are built from. */
export interface PeriodicChecksDeps {
  readonly clock: Clock;
  readonly timers: SchedulerTimers;
  readonly store: CheckStore;
  readonly repos: CheckRepositories;
  readonly jobs: Pick<JobManager, 'submit'>;
  /** The scheduled check job of `repo` (the maintenance check job with trigger 'schedule'). */
  readonly checkJob: (repo: StoredRepository, mode: CheckSchedule['mode']) => JobSpec;
  /** Every row, after any change (becomes `checks:changed`). */
  readonly onChanged: (rows: CheckScheduleRow[]) => void;
  readonly power?: PowerEvents;
  /** Battery / metered state for schedule conditions; absent: conditions never hold a check back. */
  readonly environment?: EnvironmentSource;
  /** Asked before a remote repository's scheduled check; absent: remote checks start without asking. */
  readonly networkReady?: NetworkReadiness;
  /** How often absent repositories are looked for. Default 60 s. */
  readonly presenceIntervalMs?: number;
  /** Grace delay of a catch-up check after start or wake; the Scheduler's default when absent. */
  readonly catchUpDelayMs?: number;
}

/** Owns the check Scheduler and follows the check jobs it starts. */
export class PeriodicChecks {
  private readonly hosted: HostedScheduler;
  private readonly scheduler: Scheduler;
  /** Scheduled check jobs still running: job id → repository id. */
  private readonly running = new Map<string, string>();
  private stopped = false;

  constructor(private readonly deps: PeriodicChecksDeps) {
    const { power, environment, networkReady, presenceIntervalMs, catchUpDelayMs } = deps;
    this.hosted = new HostedScheduler({
      clock: deps.clock,
      timers: deps.timers,
      locationOf: (repoId) => this.locationOf(repoId),
      onDue: (repoId) => this.runDue(repoId),
      onChanged: () => this.changed(),
      ...(power !== undefined && { power }),
      ...(environment !== undefined && { environment }),
      ...(networkReady !== undefined && { networkReady }),
      ...(presenceIntervalMs !== undefined && { presenceIntervalMs }),
      ...(catchUpDelayMs !== undefined && { catchUpDelayMs }),
    });
    this.scheduler = this.hosted.scheduler;
  }

  /** Load the schedules and begin; checks missed while the app was closed become one catch-up each. */
  start(): void {
    this.refresh();
    this.hosted.start();
    this.changed();
  }

  /** Stop every timer (on quit). */
  stop(): void {
    this.stopped = true;
    this.hosted.stop();
  }

  /** "Pause all schedules" covers checks too: a paused check waits, and catches up once on resume. */
  setPaused(paused: boolean): void {
    if (paused) this.scheduler.pause();
    else this.scheduler.resume();
    this.changed();
  }

  /** One row per repository: its schedule (off when none is saved), next due time and last run. */
  rows(): CheckScheduleRow[] {
    const upcoming = new Map(this.scheduler.upcoming().map((u) => [u.id, u]));
    return this.deps.repos.list().map((repo) => this.rowOf(repo.id, upcoming.get(repo.id)));
  }

  /** `checks:save`: set a repository's schedule and depth; returns its row. */
  async save(check: CheckSchedule): Promise<CheckScheduleRow> {
    this.deps.repos.require(check.repoId);
    await this.deps.store.put(check);
    this.refresh();
    const row = this.rows().find((r) => r.repoId === check.repoId);
    return row ?? this.rowOf(check.repoId, undefined);
  }

  /**
   * The repository list changed: only listed repositories are scheduled, a new one shows as off.
   * Schedules of repositories missing from the list are kept: one set aside from an unreadable
   * repositories.json gets its schedule back once the file is mended. Only a removal drops them.
   */
  onRepositoriesChanged(): void {
    this.refresh();
  }

  /** `repos:remove`: the user removed the repository, so its schedule and state go. */
  async onRepositoryRemoved(repoId: string): Promise<void> {
    await this.deps.store.forget(repoId);
    this.refresh();
  }

  /**
   * Feed every finished job here: reports this class's check jobs back to the scheduler, and a
   * successful check started by hand also counts as the repository's last check (it is one).
   */
  onJobFinished(job: FinishedJob): void {
    const ok = job.snapshot.status === 'succeeded' || job.snapshot.status === 'warning';
    const repoId = this.running.get(job.snapshot.id);
    if (repoId === undefined) {
      if (job.snapshot.kind === 'check' && ok) this.noteLastCheck(job.snapshot.repoId);
      return;
    }
    this.running.delete(job.snapshot.id);
    const at = this.deps.clock.now();
    this.scheduler.markFinished(repoId, { ok, at });
    if (!ok) {
      this.changed();
      return;
    }
    void this.deps.store
      .noteState(repoId, { lastRunAt: at })
      .catch(logWriteFailure)
      .finally(() => this.changed());
  }

  private noteLastCheck(repoId: string): void {
    void this.deps.store
      .noteState(repoId, { lastRunAt: this.deps.clock.now() })
      .catch(logWriteFailure)
      .finally(() => this.changed());
  }

  private refresh(): void {
    const known = new Set(this.deps.repos.list().map((r) => r.id));
    const targets = this.deps.store
      .list()
      .filter((check) => known.has(check.repoId))
      .map((check) => ({
        id: check.repoId,
        schedule: check.schedule,
        needsNetwork: isRemoteLocation(this.locationOf(check.repoId) ?? ''),
        ...this.deps.store.stateOf(check.repoId),
      }));
    this.scheduler.setTargets(targets);
    this.changed();
  }

  // Called by the scheduler, which has already marked the target as started.
  private runDue(repoId: string): void {
    const at = this.deps.clock.now();
    try {
      const repo = this.deps.repos.require(repoId);
      const check = this.deps.store.get(repoId);
      if (check === undefined) throw new Error('its schedule was removed');
      // An unplugged drive is not a failure: wait quietly until it is back.
      if (isLocalAndAbsent(repo.location)) {
        this.scheduler.skipQuietly(repoId, 'target-appears');
        this.changed();
        return;
      }
      const snapshot = this.deps.jobs.submit(this.deps.checkJob(repo, check.mode));
      this.running.set(snapshot.id, repoId);
    } catch (e) {
      log.warn(`scheduled check of ${repoId} could not start`, e instanceof Error ? e.message : e);
      this.scheduler.markFinished(repoId, { ok: false, at });
    }
    void this.deps.store.noteState(repoId, { lastAttemptAt: at }).catch(logWriteFailure);
    this.changed();
  }

  private locationOf(repoId: string): string | undefined {
    try {
      return this.deps.repos.require(repoId).location;
    } catch {
      return undefined;
    }
  }

  private rowOf(repoId: string, upcoming: UpcomingRun | undefined): CheckScheduleRow {
    const saved = this.deps.store.get(repoId);
    const row: CheckScheduleRow = { ...(saved ?? { repoId, schedule: { kind: 'off' }, mode: 'repository' }) };
    if (upcoming?.dueAt !== undefined) row.dueAt = new Date(upcoming.dueAt).toISOString();
    if (upcoming?.waitingFor !== undefined) row.waitingFor = upcoming.waitingFor;
    const lastRunAt = this.deps.store.stateOf(repoId).lastRunAt ?? upcoming?.lastRunAt;
    if (lastRunAt !== undefined) row.lastRunAt = new Date(lastRunAt).toISOString();
    return row;
  }

  private changed(): void {
    if (this.stopped) return;
    this.deps.onChanged(this.rows());
  }
}

function logWriteFailure(e: unknown): void {
  log.warn('could not save the check state', e instanceof Error ? e.message : e);
}
