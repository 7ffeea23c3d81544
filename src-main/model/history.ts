/** The job history: finished jobs as the History screen lists them. Pure data: imports only zod. */
import { z } from 'zod';
import { serializedErrorSchema } from './errors.js';
import { drillResultSchema } from './drill.js';
import { jobKindSchema, jobTitleWordsSchema } from './job.js';

/** Who started a job: the user, or the scheduler. */
export const jobTriggerSchema = z.enum(['manual', 'schedule']);
export type JobTrigger = z.infer<typeof jobTriggerSchema>;

/**
 * The statuses a job can end in; only finished jobs reach the history. 'interrupted' is never a live
 * job's status: it is what start-up records for a job that was still running when Borgdesk stopped.
 */
export const finalJobStatusSchema = z.enum(['succeeded', 'warning', 'failed', 'cancelled', 'interrupted']);
export type FinalJobStatus = z.infer<typeof finalJobStatusSchema>;

/** Numbers a finished job reported (a backup's archive stats, a restore's totals). */
export const historyStatsSchema = z.object({
  fileCount: z.number().optional(),
  originalSize: z.number().optional(),
  compressedSize: z.number().optional(),
  deduplicatedSize: z.number().optional(),
  archiveName: z.string().optional(),
  /** A backup: what the repository stored in all after it (borg create's cache stats). */
  repositoryStoredSize: z.number().optional(),
});
export type HistoryStats = z.infer<typeof historyStatsSchema>;

/** One finished job as the History screen lists it; its log is fetched with `history:log`. */
export const historyEntrySchema = z.object({
  /** The job's id. */
  id: z.string(),
  kind: jobKindSchema,
  repoId: z.string(),
  /** The repository's name when the job finished (it may since have been renamed or removed). */
  repoName: z.string(),
  /** The title in English; entries recorded before titles had a code have only this. */
  title: z.string(),
  titleWords: jobTitleWordsSchema.optional(),
  trigger: jobTriggerSchema,
  /** The plan the job ran for, if any (so the dashboard can show each plan's last result). */
  planId: z.string().optional(),
  status: finalJobStatusSchema,
  /** Equals finishedAt for a job cancelled while it was still queued. */
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  stats: historyStatsSchema.optional(),
  error: serializedErrorSchema.optional(),
  /** A restore drill that passed: its numbers and summary line (a failed one names the file in `error`). */
  drill: drillResultSchema.optional(),
  /** How many log lines were kept with the entry. */
  logLineCount: z.number(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
