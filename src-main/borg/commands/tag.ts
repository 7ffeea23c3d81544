/**
 * `borg tag --add=TAG --remove=TAG -r REPO aid:<id>` (borg 2): changes one archive's tags. Borg
 * writes the archive's metadata anew, so the archive gets a new id (the old one is soft-deleted):
 * callers list the archives again afterwards.
 */
import { archiveTagProblem } from '../../model/archive.js';
import { inputProblemEnglish } from '../../model/input-problems.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveTail, capabilitiesOf } from '../command-shape.js';
import { BorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';

/** Which archive, and the tags to add and to remove. */
export interface TagArchiveOptions {
  location: string;
  archiveName: string;
  /** The archive's id: borg 2 addresses it as `aid:<id>` (names repeat in a series). */
  archiveId?: string | undefined;
  add: readonly string[];
  remove: readonly string[];
}

/** `tag --add=A… --remove=R… --repo=LOCATION -- aid:ID`; refuses tags borg would misread and borgs without tags. */
export function buildTagArgs(o: TagArchiveOptions, caps: BorgCapabilities = BORG_1_2_CAPABILITIES): string[] {
  if (!caps.hasTags) {
    throw new BorgError({
      code: 'InvalidArguments',
      message: `borg ${caps.version} has no archive tags; they came with borg 2.`,
      reason: 'borgArchiveTagsThey',
      params: { version: caps.version },
    });
  }
  if (o.archiveName.trim() === '') {
    throw new BorgError({
      code: 'InvalidArchiveName',
      message: 'Choose the archive to tag.',
      reason: 'chooseArchiveTag',
    });
  }
  if (o.add.length === 0 && o.remove.length === 0) {
    throw new BorgError({
      code: 'InvalidArguments',
      message: 'Choose a tag to add or remove.',
      reason: 'chooseTagAddRemove',
    });
  }
  for (const tag of [...o.add, ...o.remove]) {
    const problem = archiveTagProblem(tag);
    if (problem !== undefined) {
      // The reason is the problem's code: the UI words it as it does beside the tag field.
      throw new BorgError({
        code: 'InvalidArguments',
        message: inputProblemEnglish(problem),
        remedy: 'Change the tag.',
        reason: problem.code,
        ...(problem.params === undefined ? {} : { params: { ...problem.params } }),
      });
    }
  }
  return [
    'tag',
    ...o.add.map((tag) => `--add=${tag}`),
    ...o.remove.map((tag) => `--remove=${tag}`),
    ...archiveTail(caps, o.location, o),
  ];
}

/** Changes the tags; borg's errors (no such archive) arrive as BorgError. */
export async function runTagArchive(o: TagArchiveOptions, ctx: BorgContext): Promise<void> {
  await runBorg(buildTagArgs(o, capabilitiesOf(ctx)), ctx);
}
