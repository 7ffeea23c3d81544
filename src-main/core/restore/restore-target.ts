/** File-system steps around a restore: the new folder, the repository's own folder, no-clobber placement. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error.js';
import { isRemoteLocation } from '../repositories/location.js';
import { realpathOr } from './restore-planner.js';
import { numberedName } from './restore-paths.js';

const MAX_ATTEMPTS = 1000;

/** Create `parent/base`, or "base (2)", "base (3)"… when taken; mkdir is atomic, so two restores never share one. */
export async function createUniqueDir(parent: string, baseName: string): Promise<string> {
  for (let n = 1; n <= MAX_ATTEMPTS; n++) {
    const dir = path.join(parent, numberedName(baseName, n));
    try {
      await fs.mkdir(dir);
      return dir;
    } catch (e) {
      if (errorCode(e) === 'EEXIST') continue;
      throw new AppError(
        'InvalidInput',
        `Borgdesk could not create the folder ${dir}.`,
        'Check that you may write to the folder you chose, or choose another one.',
        { reason: 'borgdeskCreateFolder', params: { dir } },
      );
    }
  }
  throw new AppError(
    'InvalidInput',
    `Too many "${baseName}" folders exist in ${parent}.`,
    'Choose another folder.',
    { reason: 'tooManyFoldersExist', params: { baseName, parent } },
  );
}

/** The real path of a local repository (nothing may be restored into it); undefined for a remote one. */
export async function repositoryDirOf(location: string): Promise<string | undefined> {
  return isRemoteLocation(location) ? undefined : realpathOr(location);
}

/** Remove `dir` only if it is empty (a restore that wrote nothing leaves no trace); true when it is gone. */
export async function removeIfEmpty(dir: string): Promise<boolean> {
  return fs.rmdir(dir).then(
    () => true,
    () => false,
  );
}

/**
 * Put `source` at `target` unless something is already there. A hard link fails atomically with
 * EEXIST; file systems without hard links fall back to a check followed by a rename. `source` may
 * be bytes: a name borg restored need not be valid UTF-8.
 */
export async function placeWithoutClobbering(source: string | Buffer, target: string): Promise<void> {
  try {
    await fs.link(source, target);
    return;
  } catch (e) {
    if (errorCode(e) === 'EEXIST') throw targetExists(target);
    if (errorCode(e) === 'ENOENT')
      throw new AppError('NotFound', 'Borg did not restore the file.', 'The job log has the details.', {
        reason: 'borgDidRestoreFile',
      });
  }
  if (
    await fs.lstat(target).then(
      () => true,
      () => false,
    )
  )
    throw targetExists(target);
  await fs.rename(source, target);
}

/** The error for a save-copy target that already exists. */
export function targetExists(target: string): AppError {
  return new AppError(
    'AlreadyExists',
    `${target} already exists.`,
    'Choose another name, or move the existing file away first.',
    { reason: 'alreadyExists', params: { target } },
  );
}

/** The errno code of a Node error, if any. */
export function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string'
    ? e.code
    : undefined;
}
