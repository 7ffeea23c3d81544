/**
 * "Why did it grow?": what one archive holds more than the previous archive of its plan, by folder
 * and by file, from the two archives' contents indexes. Sizes are the files' own sizes (before
 * compression and deduplication). Pure data: imports only zod.
 */
import { z } from 'zod';

/** Growth figures of a folder (everything below it) or of a whole comparison. */
export const growthCountsSchema = z.object({
  /** Sizes of added files plus what changed files grew by. */
  grownBytes: z.number(),
  /** Sizes of removed files plus what changed files shrank by. */
  shrunkBytes: z.number(),
  /** grownBytes − shrunkBytes. */
  netBytes: z.number(),
  addedFiles: z.number().int(),
  changedFiles: z.number().int(),
  removedFiles: z.number().int(),
});
export type GrowthCounts = z.infer<typeof growthCountsSchema>;

/** One folder that accounts for growth (see growth.ts for which folders are named). */
export const growthFolderSchema = growthCountsSchema.extend({ path: z.string() });
export type GrowthFolder = z.infer<typeof growthFolderSchema>;

/** One added or changed file. */
export const growthFileSchema = z.object({
  path: z.string(),
  kind: z.enum(['added', 'changed']),
  size: z.number(),
  /** The size in the previous archive (changed files only). */
  previousSize: z.number().optional(),
  /** size − previousSize (the whole size for an added file). */
  deltaBytes: z.number(),
});
export type GrowthFile = z.infer<typeof growthFileSchema>;

/** Which archive a growth report is about, or compared with. */
export const growthArchiveSchema = z.object({ name: z.string(), id: z.string(), start: z.string() });
export type GrowthArchive = z.infer<typeof growthArchiveSchema>;

/** The answer to `archives:growth`. */
export const growthReportSchema = z.object({
  archive: growthArchiveSchema,
  /** The older archive compared with; null when none is older (everything counts as added). */
  against: growthArchiveSchema.nullable(),
  /**
   * True when `against` is of the same plan (name prefix before the first "-") or, with borg 2, the
   * same series (name); false when the caller chose it or it is only the previous archive at all.
   */
  sameSeries: z.boolean(),
  /** The folder the report covers ('' is the whole archive). */
  folder: z.string(),
  totals: growthCountsSchema,
  /** The folders that carry the growth, most grown first. */
  folders: z.array(growthFolderSchema),
  /** The most grown files, most first. */
  files: z.array(growthFileSchema),
  /** True when more folders (or files) grew than listed. */
  foldersTruncated: z.boolean(),
  filesTruncated: z.boolean(),
});
export type GrowthReport = z.infer<typeof growthReportSchema>;
