/**
 * One archive in detail, as `borg info --json REPO::ARCHIVE` describes it. Pure data: imports only
 * zod and the archive row it extends.
 */
import { z } from 'zod';
import { archiveSummarySchema } from './archive.js';
import type { InputProblem } from './input-problems.js';

/** The archive info view's facts: an archive row's fields and what only `borg info` tells. */
export const archiveInfoSchema = archiveSummarySchema.extend({
  /** The command line that made the archive, one argument per item. */
  commandLine: z.array(z.string()).optional(),
  /** Borg's chunker parameters, e.g. ["buzhash", 19, 23, 21, 4095]. */
  chunkerParams: z.array(z.union([z.string(), z.number()])).optional(),
  /** How full the archive's item list is, as a fraction of borg's maximum archive size (0..1). */
  maxArchiveSizeUsed: z.number().optional(),
});
/** One archive in detail. */
export type ArchiveInfo = z.infer<typeof archiveInfoSchema>;

/** "buzhash, min 2^19 B, max 2^23 B, target 2^21 B, window 4095 B": borg's chunker parameters in words. */
export function describeChunkerParams(params: readonly (string | number)[]): string {
  const [algo, ...rest] = params;
  if (algo === 'buzhash' && rest.length === 4) {
    const [min, max, mask, window] = rest;
    return `buzhash: chunks of 2^${min}–2^${max} bytes, about 2^${mask} on average, window ${window} bytes`;
  }
  if (algo === 'fixed') return `fixed-size chunks of ${rest.join(', ')} bytes`;
  return params.join(', ');
}

/** The longest comment Borgdesk sets (characters). */
export const ARCHIVE_COMMENT_LIMIT = 1000;

/** Why `comment` cannot be an archive's comment (one line, at most 1000 characters), or undefined. */
export function archiveCommentProblem(comment: string): InputProblem | undefined {
  const isControl = (c: string): boolean => (c.codePointAt(0) ?? 0) < 0x20 || c === '\u007f';
  if (Array.from(comment).some(isControl)) return { code: 'commentHasControl' };
  if (comment.length > ARCHIVE_COMMENT_LIMIT) {
    return { code: 'commentTooLong', params: { limit: ARCHIVE_COMMENT_LIMIT } };
  }
  return undefined;
}
