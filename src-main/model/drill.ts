/** Restore drills: a sample of an archive restored and compared with the source. Pure data: imports only zod. */
import { z } from 'zod';

/** How often a plan proves a restore by itself (after a successful backup, once the interval passed). */
export const restoreTestScheduleSchema = z.enum(['off', 'weekly', 'monthly']);
export type RestoreTestSchedule = z.infer<typeof restoreTestScheduleSchema>;

/** What a restore drill found; a failed drill throws instead (its error names the file). */
export const drillResultSchema = z.object({
  archiveName: z.string(),
  /** Files restored from the archive. */
  fileCount: z.number(),
  /** Bytes those files hold. */
  totalBytes: z.number(),
  /** Restored files whose content matched the unchanged source file byte for byte (sha256). */
  identicalCount: z.number(),
  /** Restored files whose source was changed or removed since the archive: restored, not compared. */
  changedSinceCount: z.number(),
  /** The result in words: "20 files, 35 MB restored and identical". */
  summary: z.string(),
});
export type DrillResult = z.infer<typeof drillResultSchema>;
