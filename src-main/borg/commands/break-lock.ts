/**
 * `borg break-lock -- REPO`: removes the repository's lock folder and roster whoever holds them.
 * Safe only when no borg runs on the repository; the caller asks the user first (see core/locks).
 */
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';

/** The repository whose lock to remove. */
export interface BreakLockOptions {
  readonly location: string;
}

/** `break-lock -- LOCATION`. */
export function buildBreakLockArgs(o: BreakLockOptions): string[] {
  return ['break-lock', '--', o.location];
}

/** Removes the lock; rejects with a BorgError when borg could not. */
export async function runBreakLock(o: BreakLockOptions, ctx: BorgContext): Promise<void> {
  await runBorg(buildBreakLockArgs(o), ctx, { killGraceMs: STOP_AT_ONCE_MS });
}
