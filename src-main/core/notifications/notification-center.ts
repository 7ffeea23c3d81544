/**
 * Host-neutral glue between the core's events and a host's tray and notifier: keeps the latest job
 * snapshots, feeds the tray reduction and the notification policy, and remembers stale plans.
 * The Electron host passes its tray and notifier; the browser host may pass a logging notifier.
 *
 * Runs are reported from `job:finished` alone, scheduled or manual: a plan's backup job names its
 * plan (`planId`), so the notice can use the plan's name and the rate limit can be kept per plan
 * target without a second path from the scheduler that could disagree with what History records.
 */
import type { EventName, EventPayload } from '../../ipc/contract.js';
import type { HistoryEntry } from '../../model/history.js';
import type { JobSnapshot } from '../../model/job.js';
import type { RepositorySummary } from '../../model/repository.js';
import { targetKey } from '../plan-runs/plan-store.js';
import { isRemoteLocation } from '../repositories/location.js';
import type { Clock, CoreEventListener } from '../services.js';
import {
  createNotificationPolicy,
  type DesktopNotice,
  type NotificationLevel,
  type RunReport,
} from './notification-policy.js';
import type { StaleItem } from '../../model/stale-check.js';
import { reduceTrayState, type TrayState } from './tray-state.js';
import { ENGLISH_WORDS, type DesktopWords } from '../i18n/desktop-words.js';

/** Shows a notice; the Electron notifier implements it, tests record. */
export interface NoticeSink {
  notify(notice: DesktopNotice): void;
}

/** What the center needs from its host. */
export interface NotificationCenterOptions {
  /** The core's `subscribe`. */
  readonly subscribe: (listener: CoreEventListener) => () => void;
  readonly clock: Clock;
  /** The user's level, read at each decision so a settings change applies at once. */
  readonly level: () => NotificationLevel;
  readonly notifier?: NoticeSink;
  /** Called whenever the tray state changes (not on every progress tick). */
  readonly onTrayState?: (state: TrayState) => void;
  /** Repositories known at start; later lists arrive with `repos:changed`. */
  readonly repositories?: readonly RepositorySummary[];
  readonly repeatAfterMs?: number;
  /** The desktop words of the moment (Settings → Language); English when absent. */
  readonly words?: () => DesktopWords;
}

/** What the center needs to know of a plan: its name, for notices about its runs. */
export interface PlanName {
  readonly id: string;
  readonly name: string;
}

/** The running center. */
export interface NotificationCenter {
  /** The current tray state. */
  trayState(): TrayState;
  /** Replace the stale list (from `findStale`); newly stale plans are announced once. */
  setStale(items: readonly StaleItem[]): void;
  setSchedulesPaused(paused: boolean): void;
  /** Replace the known repositories (as `repos:list` returns them). */
  setRepositories(list: readonly RepositorySummary[]): void;
  /** Replace the known plans (as `plans:list` returns them; later lists arrive with `plans:changed`). */
  setPlans(list: readonly PlanName[]): void;
  /**
   * Seed with the jobs of earlier runs (`history:list`, newest first), so a backup that failed or was
   * interrupted before a restart is not shown as "up to date". Announces nothing; jobs of this run win.
   */
  seedFromHistory(entries: readonly HistoryEntry[]): void;
  /** Word the tray state again (the language changed). */
  reword(): void;
  /** Stop listening. */
  dispose(): void;
}

/** Start listening to the core. */
export function createNotificationCenter(options: NotificationCenterOptions): NotificationCenter {
  const policy = createNotificationPolicy({
    clock: options.clock,
    words: () => words(),
    ...(options.repeatAfterMs !== undefined ? { repeatAfterMs: options.repeatAfterMs } : {}),
  });
  const words = options.words ?? (() => ENGLISH_WORDS);
  const repos = new Map<string, RepositorySummary>();
  const setRepositories = (list: readonly RepositorySummary[]): void => {
    repos.clear();
    for (const repo of list) repos.set(repo.id, repo);
  };
  setRepositories(options.repositories ?? []);
  const planNames = new Map<string, string>();
  const setPlans = (list: readonly PlanName[]): void => {
    planNames.clear();
    for (const plan of list) planNames.set(plan.id, plan.name);
  };
  const active = new Map<string, JobSnapshot>();
  // Only the newest finished job per repository and kind matters to the tray; this keeps memory bounded.
  const finished = new Map<string, JobSnapshot>();
  let stale: readonly StaleItem[] = [];
  let paused = false;
  let shown: TrayState | undefined;

  const isLocalRepo = (repoId: string): boolean => {
    const repo = repos.get(repoId);
    return repo !== undefined && !isRemoteLocation(repo.location);
  };
  const compute = (): TrayState =>
    reduceTrayState(
      { jobs: [...active.values(), ...finished.values()], stale, isLocalRepo, schedulesPaused: paused },
      words(),
    );
  const refresh = (): void => {
    const next = compute();
    if (shown?.kind === next.kind && shown.percent === next.percent && shown.tooltip === next.tooltip) return;
    shown = next;
    options.onTrayState?.(next);
  };
  const show = (notice: DesktopNotice | undefined): void => {
    if (notice !== undefined) options.notifier?.notify(notice);
  };

  const onFinished = (job: JobSnapshot): void => {
    active.delete(job.id);
    finished.set(`${job.repoId}\u0000${job.kind}`, job);
    if (job.kind === 'backup') show(policy.decideRun(runReport(job), options.level()));
  };

  // A plan's backup is announced under the plan's name and rate-limited per plan target (the id the
  // stale check uses too); a manual backup outside any plan under its job title, per repository.
  const runReport = (job: JobSnapshot): RunReport => {
    const planName = job.planId !== undefined ? planNames.get(job.planId) : undefined;
    return {
      subjectId: job.planId !== undefined ? targetKey(job.planId, job.repoId) : job.repoId,
      label: planName ?? words().jobTitle(job),
      repoName: repos.get(job.repoId)?.name ?? job.repoId,
      localRepository: isLocalRepo(job.repoId),
      outcome: job.status === 'queued' || job.status === 'running' ? 'failed' : job.status,
      ...(job.error !== undefined ? { error: job.error } : {}),
    };
  };

  const listener = <N extends EventName>(event: N, payload: EventPayload<N>): void => {
    if (event === 'job:updated') {
      const job = payload as EventPayload<'job:updated'>;
      const known = active.get(job.id);
      // job:updated may omit progress; keep the last known so the percent does not flicker away.
      const merged =
        job.progress === undefined && known?.progress ? { ...job, progress: known.progress } : job;
      if (job.status === 'queued' || job.status === 'running') active.set(job.id, merged);
    } else if (event === 'job:progress') {
      const { jobId, progress } = payload as EventPayload<'job:progress'>;
      const job = active.get(jobId);
      if (job !== undefined) active.set(jobId, { ...job, progress });
    } else if (event === 'job:finished') {
      onFinished(payload as EventPayload<'job:finished'>);
    } else if (event === 'repos:changed') {
      setRepositories(payload as EventPayload<'repos:changed'>);
    } else if (event === 'plans:changed') {
      // Names only matter for the next notice; the tray does not show plans.
      setPlans(payload as EventPayload<'plans:changed'>);
      return;
    } else return;
    refresh();
  };
  const unsubscribe = options.subscribe(listener);
  refresh();

  return {
    trayState: compute,
    setStale(items) {
      stale = items;
      for (const notice of policy.decideStale(items, options.level())) show(notice);
      refresh();
    },
    setSchedulesPaused(value) {
      paused = value;
      refresh();
    },
    setRepositories(list) {
      setRepositories(list);
      refresh();
    },
    setPlans,
    reword: refresh,
    seedFromHistory(entries) {
      for (const entry of entries) {
        const key = `${entry.repoId}\u0000${entry.kind}`;
        if (!finished.has(key)) finished.set(key, snapshotOf(entry));
      }
      refresh();
    },
    dispose: unsubscribe,
  };
}

// A history entry as the tray reads finished jobs; "interrupted" exists only in the history, and to
// the tray it is a failure like any other (its error code names the cause).
function snapshotOf(entry: HistoryEntry): JobSnapshot {
  return {
    id: entry.id,
    kind: entry.kind,
    repoId: entry.repoId,
    title: entry.title,
    ...(entry.titleWords !== undefined ? { titleWords: entry.titleWords } : {}),
    status: entry.status === 'interrupted' ? 'failed' : entry.status,
    startedAt: entry.startedAt,
    finishedAt: entry.finishedAt,
    ...(entry.error !== undefined ? { error: entry.error } : {}),
    ...(entry.planId !== undefined ? { planId: entry.planId } : {}),
  };
}
