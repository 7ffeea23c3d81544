/**
 * `borg recreate --comment COMMENT -- REPO::ARCHIVE` (borg 1.2/1.4): sets an archive's comment.
 * Only `--comment` is passed: no paths, excludes, `--recompress` or `--chunker-params`, so borg
 * rewrites only the archive's metadata and never re-reads or re-chunks its data (borg's docs on
 * recreate). The archive keeps its name; its id changes, because the metadata does.
 */
import { archiveCommentProblem } from '../../model/archive-info.js';
import { inputProblemEnglish } from '../../model/input-problems.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveTail, capabilitiesOf } from '../command-shape.js';
import { BorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';

/** Which archive, and its new comment ('' clears it). */
export interface ArchiveCommentOptions {
  location: string;
  archiveName: string;
  /** The archive's id: borg 2 addresses it as `aid:<id>` (names repeat in a series). */
  archiveId?: string | undefined;
  comment: string;
}

/** `recreate --comment=COMMENT -- LOCATION::ARCHIVE`; refuses control characters and very long text. */
export function buildArchiveCommentArgs(
  o: ArchiveCommentOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  if (o.archiveName.trim() === '') {
    throw new BorgError({
      code: 'InvalidArchiveName',
      message: 'Choose the archive to comment on.',
      reason: 'chooseArchiveComment',
    });
  }
  const problem = archiveCommentProblem(o.comment);
  if (problem !== undefined) {
    // The reason is the problem's code: the UI words it as it does beside the comment field.
    throw new BorgError({
      code: 'InvalidArguments',
      message: inputProblemEnglish(problem),
      remedy: 'Change the comment.',
      reason: problem.code,
      ...(problem.params === undefined ? {} : { params: { ...problem.params } }),
    });
  }
  return ['recreate', `--comment=${o.comment}`, ...archiveTail(caps, o.location, o)];
}

/** Sets the comment; borg's errors (no such archive) arrive as BorgError. */
export async function runArchiveComment(o: ArchiveCommentOptions, ctx: BorgContext): Promise<void> {
  await runBorg(buildArchiveCommentArgs(o, capabilitiesOf(ctx)), ctx);
}
