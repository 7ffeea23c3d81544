/**
 * `borg tag --add=TAG --remove=TAG -r REPO aid:<id>` (borg 2): changes one archive's tags. Borg
 * writes the archive's metadata anew, so the archive gets a new id (the old one is soft-deleted):
 * callers list the archives again afterwards.
 */
import { archiveTagProblem } from '../../model/archive.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveTail, capabilitiesOf } from '../command-shape.js';
import { BorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';
import { refuseText, requireArchive, type ArchiveEditOptions } from './archive-edit.js';

/** Which archive, and the tags to add and to remove. */
export interface TagArchiveOptions extends ArchiveEditOptions {
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
  requireArchive(o, {
    code: 'InvalidArchiveName',
    message: 'Choose the archive to tag.',
    reason: 'chooseArchiveTag',
  });
  if (o.add.length === 0 && o.remove.length === 0) {
    throw new BorgError({
      code: 'InvalidArguments',
      message: 'Choose a tag to add or remove.',
      reason: 'chooseTagAddRemove',
    });
  }
  for (const tag of [...o.add, ...o.remove]) refuseText(archiveTagProblem(tag), 'Change the tag.');
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
