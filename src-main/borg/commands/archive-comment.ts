/**
 * `borg recreate --comment COMMENT -- REPO::ARCHIVE` (borg 1.2/1.4): sets an archive's comment.
 * Only `--comment` is passed: no paths, excludes, `--recompress` or `--chunker-params`, so borg
 * rewrites only the archive's metadata and never re-reads or re-chunks its data (borg's docs on
 * recreate). The archive keeps its name; its id changes, because the metadata does.
 */
import { archiveCommentProblem } from '../../model/archive-info.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveTail, capabilitiesOf } from '../command-shape.js';
import { runBorg, type BorgContext } from '../exec.js';
import { refuseText, requireArchive, type ArchiveEditOptions } from './archive-edit.js';

/** Which archive, and its new comment ('' clears it). */
export interface ArchiveCommentOptions extends ArchiveEditOptions {
  comment: string;
}

/** `recreate --comment=COMMENT -- LOCATION::ARCHIVE`; refuses control characters and very long text. */
export function buildArchiveCommentArgs(
  o: ArchiveCommentOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  requireArchive(o, {
    code: 'InvalidArchiveName',
    message: 'Choose the archive to comment on.',
    reason: 'chooseArchiveComment',
  });
  refuseText(archiveCommentProblem(o.comment), 'Change the comment.');
  return ['recreate', `--comment=${o.comment}`, ...archiveTail(caps, o.location, o)];
}

/** Sets the comment; borg's errors (no such archive) arrive as BorgError. */
export async function runArchiveComment(o: ArchiveCommentOptions, ctx: BorgContext): Promise<void> {
  await runBorg(buildArchiveCommentArgs(o, capabilitiesOf(ctx)), ctx);
}
