/**
 * `borg create`, tried once more when its archive name was taken by an archive of the same second.
 * Plan archives are named to the second (`{now}`, expanded by borg): a second backup of the same plan
 * that starts within the second the first one ended — "Back up now" clicked twice, a small backup
 * followed by a scheduled one — would otherwise fail with "An archive with this name already exists".
 */
import { runCreate, type CreateOptions, type CreateOutcome } from '../../borg/commands/create.js';
import type { BorgContext } from '../../borg/exec.js';
import { isBorgError } from '../../borg/errors.js';

// Borg expands these from its own clock, so the name differs once that second is over.
const TIMED_PLACEHOLDER = /\{(?:now|utcnow)(?::[^}]*)?\}/;

/** How long to wait for the next second to begin (a little past it, for borg's clock). */
export function msToNextSecond(nowMs: number): number {
  return 1000 - (nowMs % 1000) + 50;
}

/** True when `name` changes by itself with time, so waiting for the next second gives a new one. */
export function isTimedArchiveName(name: string): boolean {
  return TIMED_PLACEHOLDER.test(name);
}

/** Run `borg create`; on a name taken within the same second, wait for the next second and try once more. */
export async function createInAFreshSecond(
  options: CreateOptions,
  ctx: BorgContext,
  note: (message: string) => void,
): Promise<CreateOutcome> {
  try {
    return await runCreate(options, ctx);
  } catch (error) {
    if (
      !isBorgError(error) ||
      error.code !== 'ArchiveAlreadyExists' ||
      !isTimedArchiveName(options.archiveName)
    )
      throw error;
    note('An archive of this second already exists; trying again in the next second.');
    await new Promise((resolve) => setTimeout(resolve, msToNextSecond(Date.now())));
    return runCreate(options, ctx);
  }
}
