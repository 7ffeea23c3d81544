/**
 * What the commands that edit one archive's metadata (recreate --comment, tag, rename) share: the
 * archive they are about, and the checks they make alike before borg runs. Each command keeps its
 * own module; this is only their common part.
 */
import { BorgError, type BorgErrorInit } from '../errors.js';

/** The archive an edit is about. */
export interface ArchiveEditOptions {
  location: string;
  archiveName: string;
  /** The archive's id: borg 2 addresses it as `aid:<id>` (names repeat in a series). */
  archiveId?: string | undefined;
}

/** Throws `missing` (the command's own "choose the archive" error) when no archive is chosen. */
export function requireArchive(o: ArchiveEditOptions, missing: BorgErrorInit): void {
  if (o.archiveName.trim() === '') throw new BorgError(missing);
}

/** Throws the model's `problem` with typed text (a comment, a tag) as an invalid argument, saying what to do. */
export function refuseText(problem: string | undefined, remedy: string): void {
  if (problem === undefined) return;
  throw new BorgError({
    code: 'InvalidArguments',
    message: problem,
    remedy,
    reason: 'stated',
    params: { message: problem, remedy },
  });
}
