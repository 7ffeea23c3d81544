/**
 * Jobs: long borg runs the UI follows live. Each job moves queued → running → succeeded | warning |
 * failed | cancelled, runs in its repository's lane (one borg per repository), and reports
 * throttled progress, batched log lines and its final snapshot as core events.
 */
import { randomUUID } from 'node:crypto';
import type { BorgLogEvent } from '../../borg/log-json.js';
import type { JobProgress, JobSnapshot, LogEntry } from '../../model/job.js';
import type { EventName, EventPayload } from '../../ipc/contract.js';
import type { JobTrigger } from '../../model/history.js';
import { lockWaitText, type LockWaitHolder } from '../../model/lock.js';
import type { FinishedJob, JobRunOutcome, JobSpec, RunningJob } from './job-types.js';
import { AppError } from '../app-error.js';
import { serializeError } from '../serialize-error.js';
import type { Clock } from '../services.js';
import { systemTimers, type SchedulerTimers } from '../schedule/scheduler-types.js';
import { startTracking, type Heartbeat } from './job-heartbeat.js';
import { LogBatcher, LogRing, toLogEntry } from './job-log.js';
import { ProgressThrottle } from './progress-throttle.js';
import type { SerialLanes } from './serial-lanes.js';
import { JobProgressTracker, type ProgressTracker, type ProgressUpdate } from './job-progress.js';
import { log } from '../logging/log.js';

// The shapes jobs are made of live in job-types.ts; re-exported so callers keep one import.
export type { FinishedJob, JobRunContext, JobRunOutcome, JobSpec, RunningJob } from './job-types.js';

/** Tuning knobs, mostly for tests. */
export interface JobManagerOptions {
  readonly clock: Clock;
  readonly lanes: SerialLanes;
  readonly emit: <N extends EventName>(event: N, payload: EventPayload<N>) => void;
  /** Called once per job when it starts running (the history notes it on disk). */
  readonly onStarted?: (job: RunningJob) => void;
  /** Called once per job when it reaches a final status (the history records it). */
  readonly onFinished?: (job: FinishedJob) => void;
  /** Timers for the running jobs' heartbeat (stall detection); real timers when absent. */
  readonly timers?: SchedulerTimers;
  readonly heartbeatMs?: number;
  readonly progressIntervalMs?: number;
  readonly logIntervalMs?: number;
  readonly maxFinishedJobs?: number;
  readonly maxLogLines?: number;
}

interface JobRecord {
  snapshot: JobSnapshot;
  readonly spec: JobSpec;
  readonly trigger: JobTrigger;
  readonly controller: AbortController;
  /** The second cancel (see JobRunContext.stopSignal). */
  readonly stop: AbortController;
  readonly log: LogRing;
  readonly tracker: ProgressTracker;
  heartbeat?: Heartbeat;
  done: Promise<void>;
}

const FINAL = new Set<JobSnapshot['status']>(['succeeded', 'warning', 'failed', 'cancelled']);

/** Owns every job of this app run. */
export class JobManager {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly throttle: ProgressThrottle<ProgressUpdate>;
  private readonly batcher: LogBatcher;
  private disposed = false;

  constructor(private readonly options: JobManagerOptions) {
    this.throttle = new ProgressThrottle((id, update) => this.deliverProgress(id, update), {
      clock: options.clock,
      intervalMs: options.progressIntervalMs ?? 100,
    });
    this.batcher = new LogBatcher(
      (id, entries) => options.emit('job:log', { jobId: id, entries }),
      options.logIntervalMs ?? 250,
    );
  }

  /** Queue `spec` in its lane; returns the job's first (queued) snapshot. */
  submit(spec: JobSpec): JobSnapshot {
    if (this.disposed) throw new AppError('Disposed', 'Borgdesk is shutting down.');
    const id = randomUUID();
    const record: JobRecord = {
      snapshot: {
        id,
        kind: spec.kind,
        repoId: spec.repoId,
        title: spec.title,
        ...(spec.titleWords !== undefined ? { titleWords: spec.titleWords } : {}),
        status: 'queued',
        ...(this.options.lanes.isBusy(spec.lane) ? this.waitingOn(spec.lane) : {}),
        ...(spec.planId !== undefined ? { planId: spec.planId } : {}),
      },
      spec,
      trigger: spec.trigger ?? 'manual',
      controller: new AbortController(),
      stop: new AbortController(),
      log: new LogRing(this.options.maxLogLines ?? 2000),
      tracker: spec.progress?.() ?? new JobProgressTracker(),
      done: Promise.resolve(),
    };
    this.jobs.set(id, record);
    this.options.emit('job:updated', record.snapshot);
    record.done = this.options.lanes
      .run(spec.lane, () => this.execute(record, spec), record.controller.signal)
      .then(
        (outcome) => this.finish(record, outcome),
        (error: unknown) => this.fail(record, error),
      );
    return record.snapshot;
  }

  /**
   * Queue the failed job `jobId` again with `--lock-wait` (the Wait after a lock failure); the new
   * job is cancellable like any other.
   */
  retryWithLockWait(jobId: string, lockWaitSeconds: number, holder?: LockWaitHolder): JobSnapshot {
    // A yes to borg's question was for the run it was given to, not for its retries.
    const { consentedPrompt: _once, ...spec } = this.failed(jobId).spec;
    const waitingFor = lockWaitText(lockWaitSeconds, holder);
    const waitingWords = { code: 'lock' as const, seconds: lockWaitSeconds, ...holder };
    return this.submit({
      ...spec,
      trigger: 'manual',
      lockWait: {
        seconds: lockWaitSeconds,
        waitingFor,
        waitingWords,
      },
    });
  }

  /**
   * Queue the failed job `jobId` once more with the user's yes to borg's question `prompt`: only this
   * run gets the consent (borg then remembers the answer itself, in its security folder).
   */
  retryWithConsent(jobId: string, prompt: string): JobSnapshot {
    const record = this.failed(jobId);
    return this.submit({ ...record.spec, trigger: 'manual', consentedPrompt: prompt });
  }

  /** True while the failed job `jobId` is kept, so it can be queued again. */
  canRetry(jobId: string): boolean {
    return this.jobs.get(jobId)?.snapshot.status === 'failed';
  }

  private failed(jobId: string): JobRecord {
    const record = this.jobs.get(jobId);
    if (record === undefined || record.snapshot.status !== 'failed')
      throw new AppError('NotFound', 'That job can no longer be retried.', 'Start it again.', {
        reason: 'jobLongerRetried',
      });
    return record;
  }

  /** Cancel a queued or running job (a second cancel sets its stopSignal); false if it is over. */
  cancel(jobId: string): boolean {
    const record = this.jobs.get(jobId);
    if (record === undefined || FINAL.has(record.snapshot.status) || record.stop.signal.aborted) return false;
    (record.controller.signal.aborted ? record.stop : record.controller).abort();
    return true;
  }

  /** Snapshots of active and recently finished jobs, oldest first. */
  list(): JobSnapshot[] {
    return [...this.jobs.values()].map((r) => r.snapshot);
  }

  /** The kept log lines of a job. */
  log(jobId: string): LogEntry[] {
    const record = this.jobs.get(jobId);
    if (record === undefined)
      throw new AppError('NotFound', 'That job is no longer kept.', 'Reload the job list.', {
        reason: 'jobLongerKept',
      });
    return record.log.list();
  }

  /** True while a job of `repoId` is queued or running. */
  hasActive(repoId: string): boolean {
    for (const record of this.jobs.values())
      if (record.snapshot.repoId === repoId && !FINAL.has(record.snapshot.status)) return true;
    return false;
  }

  /** Cancel every job and wait until all have settled. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const record of this.jobs.values())
      if (!FINAL.has(record.snapshot.status)) [record.controller, record.stop].forEach((c) => c.abort());
    await Promise.all([...this.jobs.values()].map((r) => r.done));
    this.throttle.dispose();
    this.batcher.dispose();
  }

  private async execute(record: JobRecord, spec: JobSpec): Promise<JobRunOutcome> {
    const startedAt = this.options.clock.now();
    const { lockWait } = spec;
    this.stopWaiting(record);
    this.update(record, {
      status: 'running',
      startedAt: new Date(startedAt).toISOString(),
      ...(lockWait === undefined
        ? {}
        : {
            waitingFor: lockWait.waitingFor,
            ...(lockWait.waitingWords !== undefined ? { waitingWords: lockWait.waitingWords } : {}),
          }),
    });
    this.nowWaitingFor(record);
    this.notifyStarted(record);
    const id = record.snapshot.id;
    const { clock, timers, heartbeatMs } = this.options;
    record.heartbeat = startTracking(record.tracker, timers ?? systemTimers, heartbeatMs ?? 5000, {
      elapsedMs: () => clock.now() - startedAt,
      offer: (update) => this.throttle.push(id, update),
    });
    const onEvent = (event: BorgLogEvent): void => {
      const elapsedMs = this.options.clock.now() - startedAt;
      const update = record.tracker.accept(event, elapsedMs);
      if (update !== undefined) {
        // Borg reports progress only once it holds the lock: the wait is over.
        if (record.snapshot.waitingFor !== undefined) this.stopWaiting(record, true);
        this.throttle.push(id, update);
      }
      const entry = toLogEntry(event, new Date(this.options.clock.now()).toISOString());
      if (entry !== undefined) this.addLog(id, record, entry);
    };
    // The job's first line is its command line (with --lock-wait); notes on the retry follow it.
    const { consentedPrompt } = spec;
    const notes = [
      ...(lockWait === undefined
        ? []
        : [`Borg waits up to ${lockWait.seconds} s for the repository's lock (--lock-wait).`]),
      ...(consentedPrompt === undefined
        ? []
        : [`You answered yes to borg's question (${consentedPrompt}) for this run.`]),
    ];
    const log = (level: LogEntry['level'], message: string): void => {
      this.addLog(id, record, this.entry(level, message));
      for (const note of notes.splice(0)) this.addLog(id, record, this.entry('info', note));
    };
    const extras = {
      stopSignal: record.stop.signal,
      logSoFar: () => record.log.list(),
      ...(lockWait === undefined ? {} : { lockWaitSeconds: lockWait.seconds }),
      ...(consentedPrompt === undefined ? {} : { consentedPrompts: [consentedPrompt] }),
    };
    return spec.run({ signal: record.controller.signal, onEvent, log, ...extras });
  }

  // A job no longer waits (it started, or borg got the lock): its card stops saying it does.
  private stopWaiting(record: JobRecord, announce = false): void {
    const { waitingFor: _done, waitingWords: _doneWords, ...rest } = record.snapshot;
    record.snapshot = rest;
    if (announce) this.options.emit('job:updated', record.snapshot);
  }

  // What a job queued behind the lane's running job shows: the title of the one it waits for.
  private waitingOn(lane: string): Pick<JobSnapshot, 'waitingFor' | 'waitingWords'> {
    const running = [...this.jobs.values()].find(
      (r) => r.spec.lane === lane && r.snapshot.status === 'running',
    );
    return running === undefined
      ? {
          waitingFor: 'Waiting for another task on this repository to finish',
          waitingWords: { code: 'other-task' },
        }
      : waitingForJob(running.snapshot);
  }

  // A job started: those queued behind it in its lane now wait for it.
  private nowWaitingFor(started: JobRecord): void {
    for (const record of this.jobs.values())
      if (record.spec.lane === started.spec.lane && record.snapshot.status === 'queued')
        this.update(record, waitingForJob(started.snapshot));
  }

  private deliverProgress(jobId: string, update: ProgressUpdate): void {
    const record = this.jobs.get(jobId);
    if (record === undefined) return;
    const progress: JobProgress = record.tracker.render(update);
    record.snapshot = { ...record.snapshot, progress };
    this.options.emit('job:progress', { jobId, progress });
  }

  private finish(record: JobRecord, outcome: JobRunOutcome): void {
    const patch: Partial<JobSnapshot> = { status: outcome.status };
    if (outcome.result !== undefined) patch.result = outcome.result;
    if (outcome.restoreResult !== undefined) patch.restoreResult = outcome.restoreResult;
    if (outcome.freedBytes !== undefined) patch.freedBytes = outcome.freedBytes;
    if (outcome.drillResult !== undefined) patch.drillResult = outcome.drillResult;
    this.settle(record, patch);
  }

  private fail(record: JobRecord, error: unknown): void {
    if (record.controller.signal.aborted) {
      this.addLog(record.snapshot.id, record, this.entry('warning', 'Cancelled.'));
      this.settle(record, { status: 'cancelled' });
      return;
    }
    const serialized = serializeError(error);
    const message =
      serialized.remedy === undefined ? serialized.message : `${serialized.message} ${serialized.remedy}`;
    this.addLog(record.snapshot.id, record, this.entry('error', message));
    this.settle(record, { status: 'failed', error: serialized });
  }

  private settle(record: JobRecord, patch: Partial<JobSnapshot>): void {
    const id = record.snapshot.id;
    record.heartbeat?.stop();
    record.tracker.stop?.();
    // Progress and log lines that are still held back belong before the final status.
    this.throttle.flush(id);
    this.batcher.flush(id);
    this.update(record, { ...patch, finishedAt: new Date(this.options.clock.now()).toISOString() });
    this.options.emit('job:finished', record.snapshot);
    this.handOver(record);
    this.prune();
  }

  // Like handOver: an observer's failure must not stop the job.
  private notifyStarted(record: JobRecord): void {
    try {
      this.options.onStarted?.({
        snapshot: record.snapshot,
        trigger: record.trigger,
        log: () => record.log.list(),
      });
    } catch (e) {
      log.error('recording a started job failed', e);
    }
  }

  // A failing observer must not leave the job unsettled (dispose waits on every job).
  private handOver(record: JobRecord): void {
    try {
      this.options.onFinished?.({
        snapshot: record.snapshot,
        trigger: record.trigger,
        log: record.log.list(),
      });
    } catch (e) {
      log.error('recording a finished job failed', e);
    }
  }

  private update(record: JobRecord, patch: Partial<JobSnapshot>): void {
    record.snapshot = { ...record.snapshot, ...patch };
    this.options.emit('job:updated', record.snapshot);
  }

  private addLog(jobId: string, record: JobRecord, entry: LogEntry): void {
    record.log.add(entry);
    this.batcher.add(jobId, entry);
  }

  private entry(level: LogEntry['level'], message: string): LogEntry {
    return { time: new Date(this.options.clock.now()).toISOString(), level, message };
  }

  // Keep only the most recent finished jobs (and all active ones) so memory stays bounded.
  private prune(): void {
    const max = this.options.maxFinishedJobs ?? 50;
    const finished = [...this.jobs.values()].filter((r) => FINAL.has(r.snapshot.status));
    for (const record of finished.slice(0, Math.max(0, finished.length - max)))
      this.jobs.delete(record.snapshot.id);
  }
}

// What a job queued behind `running` waits for: in English and as data for the renderer.
function waitingForJob(running: JobSnapshot): Pick<JobSnapshot, 'waitingFor' | 'waitingWords'> {
  const { title, titleWords } = running;
  return {
    waitingFor: `Waiting for “${title}” to finish`,
    waitingWords: { code: 'job', title, ...(titleWords !== undefined ? { titleWords } : {}) },
  };
}
