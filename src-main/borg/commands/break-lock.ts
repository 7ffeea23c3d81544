/**
 * `borg break-lock -- REPO`: removes the repository's lock folder and roster whoever holds them.
 * Safe only when no borg runs on the repository; the caller asks the user first (see core/locks).
 */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, repositoryTail } from '../command-shape.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';

/** The repository whose lock to remove. */
export interface BreakLockOptions {
  readonly location: string;
}

/** `break-lock -- LOCATION`. */
export function buildBreakLockArgs(
  o: BreakLockOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  return ['break-lock', ...repositoryTail(caps, o.location)];
}

/** Removes the lock; rejects with a BorgError when borg could not. */
export async function runBreakLock(o: BreakLockOptions, ctx: BorgContext): Promise<void> {
  await runBorg(buildBreakLockArgs(o, capabilitiesOf(ctx)), ctx, { killGraceMs: STOP_AT_ONCE_MS });
}
