/**
 * What the commands that edit one archive's metadata (recreate --comment, tag, rename) share: the
 * archive they are about, and the checks they make alike before borg runs. Each command keeps its
 * own module; this is only their common part.
 */
import { inputProblemEnglish, type InputProblem } from '../../model/input-problems.js';
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

/**
 * Throws the model's `problem` with typed text (a comment, a tag, a new name) as `code`, saying what to
 * do. The reason is the problem's own code, so the UI words it as it does beside the field.
 */
export function refuseText(
  problem: InputProblem | undefined,
  remedy: string,
  code: 'InvalidArguments' | 'InvalidArchiveName' = 'InvalidArguments',
): void {
  if (problem === undefined) return;
  throw new BorgError({
    code,
    message: inputProblemEnglish(problem),
    remedy,
    reason: problem.code,
    ...(problem.params === undefined ? {} : { params: { ...problem.params } }),
  });
}
