/**
 * `borg recreate --comment COMMENT -- REPO::ARCHIVE` (borg 1.2/1.4): sets an archive's comment.
 * Only `--comment` is passed: no paths, excludes, `--recompress` or `--chunker-params`, so borg
 * rewrites only the archive's metadata and never re-reads or re-chunks its data (borg's docs on
 * recreate). The archive keeps its name; its id changes, because the metadata does.
 */
import { BorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';

/** Which archive, and its new comment ('' clears it). */
export interface ArchiveCommentOptions {
  location: string;
  archiveName: string;
  comment: string;
}

// A comment is one line of text in borg's listings; keep it to a sensible size.
const COMMENT_LIMIT = 1000;

/** `recreate --comment=COMMENT -- LOCATION::ARCHIVE`; refuses control characters and very long text. */
export function buildArchiveCommentArgs(o: ArchiveCommentOptions): string[] {
  if (o.archiveName.trim() === '') {
    throw new BorgError({ code: 'InvalidArchiveName', message: 'Choose the archive to comment on.' });
  }
  if (Array.from(o.comment).some(isControl)) {
    throw new BorgError({
      code: 'InvalidArguments',
      message: 'A comment cannot contain line breaks or other control characters.',
      remedy: 'Write the comment on one line.',
    });
  }
  if (o.comment.length > COMMENT_LIMIT) {
    throw new BorgError({
      code: 'InvalidArguments',
      message: `A comment can have at most ${COMMENT_LIMIT} characters.`,
      remedy: 'Shorten the comment.',
    });
  }
  return ['recreate', `--comment=${o.comment}`, '--', `${o.location}::${o.archiveName}`];
}

/** Sets the comment; borg's errors (no such archive) arrive as BorgError. */
export async function runArchiveComment(o: ArchiveCommentOptions, ctx: BorgContext): Promise<void> {
  await runBorg(buildArchiveCommentArgs(o), ctx);
}

function isControl(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}
