/**
 * Runs schedules: decides when each target is due and calls `onDue` once per run.
 *
 * Rules (from what users of Vorta and Backrest report going wrong):
 * - Slots missed while the app was closed, the machine asleep or schedules paused become ONE
 *   catch-up run per target, a little after start / wake / resume; never a burst, never two per wake
 *   (every path to a catch-up goes through one per-target slot, so repeated wake signals coalesce).
 * - A target is never started twice: from `onDue` (or `markStarted`) until `markFinished` it is in
 *   flight, and a slot that falls while it runs is dropped rather than queued behind it.
 * - Timers are capped (60 s by default). Node's timers run on a monotonic clock that stops while
 *   the machine is suspended, so a long timer would fire hours late after a wake; a short one lets
 *   the scheduler compare wall-clock time, notice the jump and treat it as a wake.
 * - A target skipped because its repository is absent (USB drive) waits quietly for
 *   `notifyTargetAvailable` instead of failing every hour.
 * - A failed run is not retried before the next slot, so a broken target is not hammered; the
 *   stale-backup alert tells the user instead.
 * - Before a target with `needsNetwork` runs (after a wake or otherwise), `networkReady()` must say
 *   yes; schedule conditions (battery, metered) hold a due run back until they allow it.
 */
import type { Clock } from '../services.js';
import type {
  DueReason,
  EnvironmentState,
  RunOutcome,
  ScheduleTarget,
  SchedulerOptions,
  SchedulerTimers,
  TimerHandle,
  UpcomingRun,
} from './scheduler-types.js';
import {
  beginRun,
  createEntry,
  latest,
  markMissed,
  readyReason,
  recompute,
  upcomingRow,
  wakeUpAt,
  type TargetEntry,
} from './target-entry.js';

type Delays = Required<
  Pick<SchedulerOptions, 'startDelayMs' | 'wakeDelayMs' | 'resumeDelayMs' | 'maxTimerMs' | 'lateToleranceMs'>
>;

/** The host-neutral scheduler; see the module comment for its rules. */
export class Scheduler {
  private readonly clock: Clock;
  private readonly timers: SchedulerTimers;
  private readonly timeZone: string | undefined;
  private readonly delays: Delays;
  private readonly entries = new Map<string, TargetEntry>();
  private timer: TimerHandle | undefined;
  private expectedAt: number | undefined;
  private started = false;
  private paused = false;

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock;
    this.timers = options.timers;
    this.timeZone = options.timeZone;
    this.delays = {
      startDelayMs: options.startDelayMs ?? 60_000,
      wakeDelayMs: options.wakeDelayMs ?? 60_000,
      resumeDelayMs: options.resumeDelayMs ?? 10_000,
      maxTimerMs: Math.max(1_000, options.maxTimerMs ?? 60_000),
      lateToleranceMs: options.lateToleranceMs ?? 30_000,
    };
  }

  /** Replace the set of targets; state of targets that stay (running, waiting, catch-up) is kept. */
  setTargets(targets: readonly ScheduleTarget[]): void {
    const now = this.clock.now();
    const keep = new Set(targets.map((t) => t.id));
    for (const id of [...this.entries.keys()]) if (!keep.has(id)) this.entries.delete(id);
    for (const target of targets) {
      const entry = this.entries.get(target.id);
      if (entry === undefined) {
        const created = createEntry(target, now);
        this.entries.set(target.id, created);
        recompute(created, this.timeZone);
        if (this.started) markMissed(created, now, this.delays.startDelayMs, false);
        continue;
      }
      const known = latest(target.lastAttemptAt, target.lastRunAt);
      const scheduleChanged = JSON.stringify(entry.target.schedule) !== JSON.stringify(target.schedule);
      entry.target = target;
      entry.lastRunAt = latest(entry.lastRunAt, target.lastRunAt);
      if (known !== undefined && known > entry.anchorAt) entry.anchorAt = Math.min(known, now);
      if (entry.inFlight) continue; // markFinished recomputes with the new schedule
      if (scheduleChanged || known !== undefined) recompute(entry, this.timeZone);
      if (target.schedule.kind === 'off') entry.catchUpAt = undefined;
      // Under a changed schedule the target may already be overdue: one catch-up, as after a start.
      else if (this.started && scheduleChanged) markMissed(entry, now, this.delays.startDelayMs, false);
    }
    this.arm();
  }

  /** Begin: slots missed while the app was not running become one catch-up each, after a grace delay. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.forEachMissed(this.delays.startDelayMs, false, true);
  }

  /** Stop all timers (on quit). Targets and their state are kept. */
  stop(): void {
    this.started = false;
    this.clearTimer();
  }

  /** Pause every schedule; runs already going continue. */
  pause(): void {
    this.paused = true;
    this.arm();
  }

  /** Resume schedules: at most one catch-up per target for slots missed while paused. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.forEachMissed(this.delays.resumeDelayMs, false);
  }

  /** True while schedules are paused. */
  isPaused(): boolean {
    return this.paused;
  }

  /** The machine woke up (a power event; a late timer is detected on its own). Idempotent per wake. */
  notifyWake(): void {
    this.forEachMissed(this.delays.wakeDelayMs, true);
  }

  /** The OS reported resume from suspend; handled exactly like `notifyWake` so both signals coalesce. */
  notifyResume(): void {
    this.notifyWake();
  }

  /** Power or network state changed: look again at targets held back by conditions or the network. */
  notifyEnvironmentChanged(): void {
    for (const entry of this.entries.values()) entry.blocked = undefined;
    this.arm(true);
  }

  /** A run started (from `onDue` or by hand): the target is not started again until it finishes. */
  markStarted(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    beginRun(entry, this.clock.now(), this.timeZone);
    this.arm();
  }

  /** A run ended. The next slot counts from the run's start; a slot that passed while it ran is dropped. */
  markFinished(id: string, outcome: RunOutcome): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    entry.inFlight = false;
    if (outcome.ok) {
      entry.lastRunAt = latest(entry.lastRunAt, outcome.at);
      entry.waitingForTarget = false;
    }
    recompute(entry, this.timeZone, outcome.at);
    this.arm();
  }

  /**
   * The run was skipped because the repository is absent (e.g. a USB drive not plugged in). The
   * target stays quiet until `notifyTargetAvailable(id)`, then runs once.
   */
  skipQuietly(id: string, retryWhen: 'target-appears'): void {
    const entry = this.entries.get(id);
    if (entry === undefined || retryWhen !== 'target-appears') return;
    entry.inFlight = false;
    entry.waitingForTarget = true;
    entry.catchUpAt = undefined;
    entry.blocked = undefined;
    this.arm();
  }

  /** The target's repository appeared (drive mounted): a quietly skipped target runs once, now. */
  notifyTargetAvailable(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined || !entry.waitingForTarget) return;
    entry.waitingForTarget = false;
    entry.catchUpAt = this.clock.now();
    this.arm();
  }

  /** The next run of every scheduled target, soonest first (targets waiting for a drive last). */
  upcoming(): UpcomingRun[] {
    const rows: UpcomingRun[] = [];
    for (const entry of this.entries.values()) {
      const row = upcomingRow(entry, this.paused);
      if (row !== undefined) rows.push(row);
    }
    return rows.sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || a.id.localeCompare(b.id));
  }

  private forEachMissed(delay: number, postpone: boolean, recomputeFirst = false): void {
    const now = this.clock.now();
    for (const entry of this.entries.values()) {
      if (recomputeFirst) recompute(entry, this.timeZone);
      markMissed(entry, now, delay, postpone);
    }
    this.arm();
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    const now = this.clock.now();
    // A timer far later than asked means the machine slept: treat it exactly like a wake signal.
    const late = this.expectedAt !== undefined && now - this.expectedAt > this.delays.lateToleranceMs;
    this.expectedAt = undefined;
    if (late)
      for (const entry of this.entries.values()) markMissed(entry, now, this.delays.wakeDelayMs, true);
    this.fireDue(now);
    this.arm();
  };

  private fireDue(now: number): void {
    if (!this.started || this.paused) return;
    for (const entry of [...this.entries.values()]) {
      const reason = readyReason(entry, now);
      if (reason === undefined || entry.checkingNetwork) continue;
      entry.blocked = undefined;
      if (!this.conditionsAllow(entry)) {
        entry.blocked = 'conditions';
      } else if (entry.target.needsNetwork === true && this.options.networkReady !== undefined) {
        this.fireWhenOnline(entry, this.options.networkReady);
      } else {
        this.dispatch(entry, reason, now);
      }
    }
  }

  private conditionsAllow(entry: TargetEntry): boolean {
    const wanted = entry.target.schedule.conditions;
    if (wanted === undefined) return true;
    let state: EnvironmentState = {};
    try {
      state = this.options.environment?.() ?? {};
    } catch {
      // Best effort: a platform probe that fails must not stop backups.
    }
    if (wanted.notOnBattery === true && state.onBattery === true) return false;
    if (wanted.notOnMetered === true && state.metered === true) return false;
    return true;
  }

  private fireWhenOnline(
    entry: TargetEntry,
    networkReady: NonNullable<SchedulerOptions['networkReady']>,
  ): void {
    let answer: boolean | Promise<boolean>;
    try {
      answer = networkReady(entry.target.id);
    } catch {
      answer = false;
    }
    if (typeof answer === 'boolean') {
      this.afterNetworkCheck(entry, answer);
      return;
    }
    entry.checkingNetwork = true;
    answer
      .then(
        (ok) => ok === true,
        () => false,
      )
      .then((ok) => {
        entry.checkingNetwork = false;
        if (this.entries.get(entry.target.id) !== entry) return;
        this.afterNetworkCheck(entry, ok);
        this.arm();
      });
  }

  private afterNetworkCheck(entry: TargetEntry, online: boolean): void {
    if (!online) {
      entry.blocked = 'network';
      return;
    }
    // The answer may have come back after a pause, a manual start or a skip: look again.
    const now = this.clock.now();
    const reason = readyReason(entry, now);
    if (!this.started || this.paused || reason === undefined) return;
    this.dispatch(entry, reason, now);
  }

  private dispatch(entry: TargetEntry, reason: DueReason, now: number): void {
    beginRun(entry, now, this.timeZone);
    try {
      this.options.onDue(entry.target.id, reason);
    } catch {
      // The host could not take the run; count it as a failed attempt so it is not retried in a loop.
      entry.inFlight = false;
      recompute(entry, this.timeZone, now);
    }
  }

  /** (Re)arm the single timer for the soonest due time, capped so clock jumps are noticed. */
  private arm(immediately = false): void {
    this.clearTimer();
    if (!this.started) return;
    const now = this.clock.now();
    let next = immediately ? now : now + this.delays.maxTimerMs;
    if (!this.paused) {
      for (const entry of this.entries.values()) {
        const at = wakeUpAt(entry);
        if (at !== undefined) next = Math.min(next, at);
      }
    }
    const delay = Math.max(0, next - now);
    this.expectedAt = now + delay;
    this.timer = this.timers.setTimer(delay, this.onTimer);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimer(this.timer);
    this.timer = undefined;
    this.expectedAt = undefined;
  }
}
