/**
 * The lock requests: who holds a repository's lock (read from borg's roster, see lock-roster.ts),
 * breaking it with `borg break-lock` only with the user's consent, and retrying a job that failed
 * on the lock with `--lock-wait`. Scheduled runs never come here: only the user breaks a lock.
 */
import { buildBreakLockArgs, runBreakLock } from '../../borg/commands/break-lock.js';
import { lockIsStale, type LockReport } from '../../model/lock.js';
import { AppError } from '../app-error.js';
import type { BorgContext } from '../../borg/exec.js';
import type { RecordOperation } from '../history/operation-record.js';
import { readLockReport, type LockProbe } from './lock-roster.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import { jobTitle } from '../../model/job-titles.js';

/** What the lock service reaches in the rest of the core. */
export interface LockServiceDeps {
  /** The location of a stored repository (NotFound for an unknown id). */
  readonly locationOf: (repoId: string) => string;
  /** A borg context for the repository and the lane all of its borg runs share. */
  readonly resolve: (repoId: string) => Promise<{ location: string; ctx: BorgContext }>;
  readonly runInLane: <T>(repoId: string, task: () => Promise<T>) => Promise<T>;
  /** True while one of Borgdesk's own jobs for the repository is queued or running. */
  readonly hasActiveJob: (repoId: string) => boolean;
  /** Throws when the repository is mounted (the mount holds the lock and is alive). */
  readonly assertWritable: (repoId: string) => void;
  /** Breaking a lock is recorded in the history with its command line. */
  readonly record: RecordOperation;
  readonly probe: LockProbe;
}

/** Who holds the lock of `repoId` now. */
export async function lockStatus(repoId: string, deps: LockServiceDeps): Promise<LockReport> {
  return readLockReport(deps.locationOf(repoId), deps.probe);
}

/**
 * `borg break-lock` on `repoId`. Without `confirmedNoOtherBorg` only a stale lock (every holder a
 * dead process on this computer) is broken; a lock held elsewhere needs the user's word that no
 * borg runs there, because breaking a live lock lets two borgs write at once and damage the repository.
 */
export async function breakLock(
  params: { repoId: string; confirmedNoOtherBorg: boolean },
  deps: LockServiceDeps,
): Promise<LockReport> {
  const { repoId } = params;
  if (deps.hasActiveJob(repoId)) {
    throw new AppError(
      'Busy',
      'Borgdesk itself is using this repository right now.',
      'Wait until its task has finished (or cancel it); its lock goes away by itself.',
      { reason: 'borgdeskItselfUsingRepository' },
    );
  }
  deps.assertWritable(repoId);
  const before = await lockStatus(repoId, deps);
  if (!params.confirmedNoOtherBorg && !lockIsStale(before)) {
    throw new AppError(
      'InvalidInput',
      'The lock may belong to a borg that is still running.',
      'Make sure no borg runs on the computer named in the lock, then confirm to break it.',
      { reason: 'lockMayBelongBorg' },
    );
  }
  await deps.runInLane(repoId, async () => {
    const { location, ctx } = await deps.resolve(repoId);
    const args = buildBreakLockArgs({ location }, capabilitiesOf(ctx));
    const operation = { kind: 'break-lock' as const, repoId, ...jobTitle('break-lock'), args, ctx };
    await deps.record(operation, (recorded) => runBreakLock({ location }, recorded));
  });
  return lockStatus(repoId, deps);
}
