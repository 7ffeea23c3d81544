/** Who holds a repository's lock, as read from borg's lock roster. Pure data: imports only zod. */
import { z } from 'zod';

/** One borg process that holds (or held) the repository's lock. */
export const lockHolderSchema = z.object({
  /** Borg's host id as written in the lock: `fqdn@node`. */
  hostId: z.string(),
  /** The host name part of the id, for display. */
  hostname: z.string(),
  pid: z.number().int(),
  /** exclusive: it writes; shared: it reads (a mount, a list). */
  mode: z.enum(['exclusive', 'shared']),
  /** When the lock entry was written (ISO), when known. */
  since: z.string().optional(),
  /** Its host name is this computer's. */
  thisComputer: z.boolean(),
  /** Only known for this computer: whether a process with that pid still runs. */
  alive: z.boolean().optional(),
  /** On this computer and its process is gone: nothing will ever release this lock. */
  stale: z.boolean(),
});
export type LockHolder = z.infer<typeof lockHolderSchema>;

/** What Borgdesk knows about a repository's lock. */
export const lockReportSchema = z.object({
  /** False for repositories Borgdesk cannot look into (ssh://): `reason` says why. */
  readable: z.boolean(),
  /** The lock folder or roster exists. */
  locked: z.boolean(),
  holders: z.array(lockHolderSchema),
  reason: z.string().optional(),
});
export type LockReport = z.infer<typeof lockReportSchema>;

/** Seconds a Wait retry lets borg wait for the lock (`--lock-wait`), bounded to a day. */
export const lockWaitSecondsSchema = z.number().int().min(1).max(86_400);

/** Error codes that mean borg could not take the repository's lock. */
export const LOCK_ERROR_CODES: ReadonlySet<string> = new Set(['LockTimeout', 'LockFailed']);

/** True when every holder is a dead process on this computer: breaking the lock is safe. */
export function lockIsStale(report: LockReport): boolean {
  return report.readable && report.holders.length > 0 && report.holders.every((h) => h.stale);
}

/**
 * Who holds the lock a Wait retry waits for, as data for the renderer to word: borg's pid, and the
 * holder's host name unless it is this computer.
 */
export interface LockWaitHolder {
  readonly holderPid: number;
  readonly holderHost?: string;
}

/** The holder a Wait retry names: the first one of the roster, if Borgdesk could read it. */
export function lockWaitHolder(report?: LockReport): LockWaitHolder | undefined {
  const holder = report?.holders[0];
  if (holder === undefined) return undefined;
  return holder.thisComputer
    ? { holderPid: holder.pid }
    : { holderPid: holder.pid, holderHost: holder.hostname };
}

/**
 * What a job retried with `--lock-wait` shows while borg waits, in English (the core keeps it for
 * logs; it must match `waiting.lock` / `lockWait.heldBy*` of the renderer's `core` catalog).
 */
export function lockWaitText(seconds: number, holder?: LockWaitHolder): string {
  if (holder === undefined) return `Waiting up to ${seconds} s for the repository's lock`;
  const where = holder.holderHost ?? 'this computer';
  return `Waiting up to ${seconds} s for the lock held by borg (pid ${holder.holderPid}) on ${where}`;
}
