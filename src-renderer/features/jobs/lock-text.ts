/** Plain words about who holds a repository's lock (see src-main/model/lock.ts). */
import type { LockHolder, LockReport } from '../../../src-main/model/lock.js';

/** One sentence about one holder: which process, where, since when, and whether it still runs. */
export function describeHolder(holder: LockHolder, formatTime: (iso: string) => string): string {
  const since = holder.since === undefined ? '' : ` since ${formatTime(holder.since)}`;
  const what = holder.mode === 'shared' ? 'reading' : 'writing';
  if (!holder.thisComputer) {
    return `Borg process ${holder.pid} on the computer “${holder.hostname}” holds it (${what})${since}. Borgdesk cannot see from here whether that borg still runs.`;
  }
  const state = holder.stale
    ? 'That process is no longer running, so nothing will release the lock: it is stale.'
    : 'That process is still running.';
  return `Borg process ${holder.pid} on this computer (${holder.hostname}) holds it (${what})${since}. ${state}`;
}

/** What the lock card says when it has no holder to name. */
export function reportSummary(report: LockReport | undefined, borgMessage: string): string | undefined {
  if (report === undefined) return undefined;
  if (!report.readable)
    return `${report.reason ?? 'Borgdesk cannot read this lock.'} Borg said: “${borgMessage}”`;
  if (!report.locked) return 'The lock is gone now: the other borg has finished. Run the task again.';
  if (report.holders.length === 0) return 'The lock folder exists but names no process.';
  return undefined;
}

/** The risk of breaking a lock that may be live, in plain words. */
export const BREAK_RISK =
  'If a borg is still working on this repository and the lock is removed, a second borg can write at the same time and damage the repository. Break the lock only when you are sure no borg runs on that computer now (for example because it was switched off or restarted during a backup).';
