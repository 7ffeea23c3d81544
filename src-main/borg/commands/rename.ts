/**
 * `borg rename -- REPO::ARCHIVE NEWNAME`: gives one archive a new name (its data is untouched). The
 * new name is checked with Borgdesk's archive-name rules first, so borg never gets one it would
 * refuse or one that collides with its checkpoint names.
 */
import { renamedArchiveNameProblem } from '../../model/archive-name.js';
import { inputProblemEnglish } from '../../model/input-problems.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveTail, capabilitiesOf } from '../command-shape.js';
import { BorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';

/** Which archive, and its new name. */
export interface RenameArchiveOptions {
  location: string;
  archiveName: string;
  /** The archive's id: borg 2 addresses it as `aid:<id>` (names repeat in a series). */
  archiveId?: string | undefined;
  newName: string;
}

/** `rename -- LOCATION::ARCHIVE NEWNAME`; refuses a name borg would refuse or misread. */
export function buildRenameArgs(
  o: RenameArchiveOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  if (o.archiveName.trim() === '') {
    throw new BorgError({
      code: 'InvalidArchiveName',
      message: 'Choose the archive to rename.',
      reason: 'chooseArchiveRename',
    });
  }
  const problem = renamedArchiveNameProblem(o.newName);
  if (problem !== undefined) {
    // The reason is the problem's code: the UI words it as it does beside the name field.
    throw new BorgError({
      code: 'InvalidArchiveName',
      message: inputProblemEnglish(problem),
      remedy: 'Choose another archive name.',
      reason: problem.code,
      ...(problem.params === undefined ? {} : { params: { ...problem.params } }),
    });
  }
  return ['rename', ...archiveTail(caps, o.location, o, [o.newName])];
}

/** Renames the archive; borg's errors (no such archive, name taken) arrive as BorgError. */
export async function runRenameArchive(o: RenameArchiveOptions, ctx: BorgContext): Promise<void> {
  await runBorg(buildRenameArgs(o, capabilitiesOf(ctx)), ctx);
}
