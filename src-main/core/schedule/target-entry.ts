/**
 * The scheduler's per-target bookkeeping and its pure transitions. Keeping them here leaves
 * scheduler.ts with only the orchestration: timers, wake detection and the run gates.
 */
import { nextRunAfter } from './next-run.js';
import type { DueReason, ScheduleTarget, UpcomingRun, WaitingFor } from './scheduler-types.js';

/** Mutable state of one target inside the scheduler. */
export interface TargetEntry {
  target: ScheduleTarget;
  /** Start of the last attempt (or when the target was first seen): slots are counted from here. */
  anchorAt: number;
  /** The next regular slot. */
  dueAt: number | undefined;
  /** The single pending catch-up (after start, wake, resume, or a drive appearing). */
  catchUpAt: number | undefined;
  /** From `onDue` or `markStarted` until `markFinished` / `skipQuietly`. */
  inFlight: boolean;
  waitingForTarget: boolean;
  checkingNetwork: boolean;
  blocked: 'network' | 'conditions' | undefined;
  lastRunAt: number | undefined;
}

/** A fresh entry; without any history its slots are counted from `now`. */
export function createEntry(target: ScheduleTarget, now: number): TargetEntry {
  const known = latest(target.lastAttemptAt, target.lastRunAt);
  return {
    target,
    anchorAt: Math.min(known ?? now, now),
    dueAt: undefined,
    catchUpAt: undefined,
    inFlight: false,
    waitingForTarget: false,
    checkingNetwork: false,
    blocked: undefined,
    lastRunAt: target.lastRunAt,
  };
}

/** The first slot of the entry's schedule strictly after `t`. */
export function slotAfter(entry: TargetEntry, t: number, timeZone: string | undefined): number | undefined {
  return nextRunAfter(entry.target.schedule, new Date(t), timeZone)?.getTime();
}

/**
 * Next slot counted from the anchor. With `dropBefore`, a slot that already passed by then (it fell
 * while the previous run was going) is dropped for the one after.
 */
export function recompute(entry: TargetEntry, timeZone: string | undefined, dropBefore?: number): void {
  const next = slotAfter(entry, entry.anchorAt, timeZone);
  const passed = next !== undefined && dropBefore !== undefined && next <= dropBefore;
  entry.dueAt = passed ? slotAfter(entry, dropBefore, timeZone) : next;
}

/**
 * Turn a slot that already passed into the target's single pending catch-up at `now + delay`. With
 * `postpone` (a wake), an already pending catch-up moves later so the network can come back; it
 * stays one run.
 */
export function markMissed(entry: TargetEntry, now: number, delay: number, postpone: boolean): void {
  if (entry.target.schedule.kind === 'off' || entry.inFlight || entry.waitingForTarget) return;
  if (entry.catchUpAt !== undefined) {
    if (postpone) entry.catchUpAt = Math.max(entry.catchUpAt, now + delay);
    return;
  }
  if (entry.dueAt !== undefined && entry.dueAt <= now) entry.catchUpAt = now + delay;
}

/** Why the entry should run at `now`, if it should. */
export function readyReason(entry: TargetEntry, now: number): DueReason | undefined {
  if (entry.inFlight || entry.waitingForTarget || entry.target.schedule.kind === 'off') return undefined;
  if (entry.catchUpAt !== undefined) return entry.catchUpAt <= now ? 'catch-up' : undefined;
  return entry.dueAt !== undefined && entry.dueAt <= now ? 'schedule' : undefined;
}

/** A run begins at `now`: in flight, anchored here, the next slot shown is the one after it. */
export function beginRun(entry: TargetEntry, now: number, timeZone: string | undefined): void {
  entry.inFlight = true;
  entry.anchorAt = now;
  entry.catchUpAt = undefined;
  entry.blocked = undefined;
  entry.dueAt = slotAfter(entry, now, timeZone);
}

/** When the timer should next look at this entry, or undefined if only a regular tick will do. */
export function wakeUpAt(entry: TargetEntry): number | undefined {
  if (entry.target.schedule.kind === 'off' || entry.inFlight || entry.waitingForTarget) return undefined;
  if (entry.blocked !== undefined || entry.checkingNetwork) return undefined;
  return entry.catchUpAt ?? entry.dueAt;
}

/** The entry as a row of the "next run" column; undefined for schedules that are off. */
export function upcomingRow(entry: TargetEntry, paused: boolean): UpcomingRun | undefined {
  if (entry.target.schedule.kind === 'off') return undefined;
  let waitingFor: WaitingFor | undefined = entry.blocked;
  if (entry.inFlight) waitingFor = 'running';
  else if (entry.waitingForTarget) waitingFor = 'target';
  else if (paused) waitingFor = 'paused';
  const dueAt = entry.waitingForTarget ? undefined : (entry.catchUpAt ?? entry.dueAt);
  const reason: DueReason | undefined =
    dueAt === undefined ? undefined : entry.catchUpAt !== undefined ? 'catch-up' : 'schedule';
  return {
    id: entry.target.id,
    ...(dueAt !== undefined && { dueAt }),
    ...(reason !== undefined && { reason }),
    ...(waitingFor !== undefined && { waitingFor }),
    ...(entry.lastRunAt !== undefined && { lastRunAt: entry.lastRunAt }),
  };
}

/** The later of two optional instants. */
export function latest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}
