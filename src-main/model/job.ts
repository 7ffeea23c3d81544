/** Jobs: what runs, its status, live progress, log lines and results. Pure data: imports only zod. */
import { z } from 'zod';
import { archiveSummarySchema } from './archive.js';
import { compressionSchema } from './compression.js';
import { drillResultSchema } from './drill.js';
import { serializedErrorSchema } from './errors.js';
import { restoreResultSchema } from './restore.js';

// Short borg runs whose job kind and title code are the same word (mount and repo-space have
// several titles, so they are named in each list themselves).
const SHORT_RUN_NAMES = [
  'unmount',
  'rename',
  'comment',
  'undelete',
  'tag',
  'break-lock',
  'key-export',
  'key-import',
  'change-passphrase',
] as const;

/** What a job or a recorded borg run does (one borg command each). */
export const jobKindSchema = z.enum([
  'backup',
  'init',
  'info',
  'list',
  'restore',
  'prune',
  'compact',
  'check',
  'delete',
  'recompress',
  // A borg 1.x repository copied into a new borg 2 one (repo-create --from-borg1 + transfer).
  'migrate',
  // A restore drill: a sample of the newest archive restored to a temporary folder and compared.
  'drill',
  // Short borg runs that are not jobs, recorded in the history with their command line.
  'mount',
  ...SHORT_RUN_NAMES,
  'repo-space',
]);
export type JobKind = z.infer<typeof jobKindSchema>;

/**
 * What a job's title says, as a code and the names it mentions, so the renderer words it in the
 * user's language. The snapshot's `title` keeps the English for logs, notifications and history
 * entries recorded before titles had a code.
 */
export const jobTitleCodeSchema = z.enum([
  'backup',
  'plan-backup',
  'plan-prune',
  'compact',
  'plan-compact',
  'init',
  'delete',
  'check',
  'recompress',
  'restore',
  'save-copy',
  'mount-archive',
  'mount-all',
  ...SHORT_RUN_NAMES,
  'repo-space-free',
  'repo-space-reserve',
  'migrate',
  'drill',
  'plan-drill',
]);
export type JobTitleCode = z.infer<typeof jobTitleCodeSchema>;

/** The names a title mentions (all data: repository, plan, archive and file names, paths, modes). */
export const jobTitleParamsSchema = z.object({
  repo: z.string().optional(),
  plan: z.string().optional(),
  archive: z.string().optional(),
  newName: z.string().optional(),
  name: z.string().optional(),
  path: z.string().optional(),
  mode: z.string().optional(),
  compression: z.string().optional(),
  format: z.string().optional(),
  amount: z.string().optional(),
});
export type JobTitleParams = z.infer<typeof jobTitleParamsSchema>;

/** A job title as data: its code and the names in it. */
export const jobTitleWordsSchema = z.object({ code: jobTitleCodeSchema, params: jobTitleParamsSchema });
export type JobTitleWords = z.infer<typeof jobTitleWordsSchema>;

/** Where a job is in its life. */
export const jobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'warning', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** Where a backup's estimated total comes from. */
export const backupEstimateSourceSchema = z.enum(['previous-archive', 'pre-walk']);
export type BackupEstimateSource = z.infer<typeof backupEstimateSourceSchema>;

/** Live counters of a running backup; every field cumulative since the job began. */
export const backupProgressSchema = z.object({
  kind: z.literal('backup'),
  fileCount: z.number(),
  originalSize: z.number(),
  compressedSize: z.number(),
  deduplicatedSize: z.number(),
  currentPath: z.string(),
  elapsedMs: z.number(),
  /** Original bytes per second over the recent window. */
  bytesPerSecond: z.number(),
  /** One point for the transfer graph: rates since the previous delivered sample. */
  sample: z.object({
    elapsedMs: z.number(),
    originalBytesPerSecond: z.number(),
    deduplicatedBytesPerSecond: z.number(),
  }),
  /** Share of the estimated total done, 0–99 (never 100 while borg runs); only once it is trustworthy. */
  percent: z.number().optional(),
  /** Smoothed time left in seconds; shown with `percent`. */
  etaSeconds: z.number().optional(),
  /** Where the estimated total comes from: the plan's last backup, or a quick walk of the sources. */
  estimateSource: backupEstimateSourceSchema.optional(),
  /** The estimated total: original bytes and files. */
  estimatedSize: z.number().optional(),
  estimatedFileCount: z.number().optional(),
  /** Borg has gone past the estimate: this backup is larger than the estimate, time left unknown. */
  beyondEstimate: z.boolean().optional(),
  /** How long borg's counters have not moved, once that is long enough to say so. */
  stalledForMs: z.number().optional(),
});
/**
 * A step Borgdesk itself names (not borg), as a code and its figures for the renderer to word. The
 * English is in `message`, which the core keeps for the job log; `stepEnglish` makes it.
 */
export const stepWordsSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('restoring-files') }),
  z.object({ code: z.literal('migrate-creating') }),
  z.object({ code: z.literal('migrate-counting') }),
  z.object({ code: z.literal('migrate-copied'), done: z.number(), total: z.number() }),
  z.object({
    code: z.literal('migrate-copying'),
    archive: z.string(),
    index: z.number(),
    total: z.number(),
  }),
]);
export type StepWords = z.infer<typeof stepWordsSchema>;

/** Progress of commands that report a message or a percentage (cache sync, extract, check). */
export const stepProgressSchema = z.object({
  kind: z.literal('step'),
  /** Borg's own message, shown as borg's; or, with `words`, Borgdesk's step in English. */
  message: z.string(),
  words: stepWordsSchema.optional(),
  percent: z.number().optional(),
  elapsedMs: z.number(),
  /** For extract: the file being written, bytes done of total, and an estimate of the time left. */
  currentPath: z.string().optional(),
  bytesDone: z.number().optional(),
  bytesTotal: z.number().optional(),
  etaSeconds: z.number().optional(),
});
/** Progress of a running job: backup counters or a step. */
export const jobProgressSchema = z.discriminatedUnion('kind', [backupProgressSchema, stepProgressSchema]);
export type BackupProgress = z.infer<typeof backupProgressSchema>;
export type JobProgress = z.infer<typeof jobProgressSchema>;

/** Severity of a log line. */
export const logLevelSchema = z.enum(['debug', 'info', 'warning', 'error']);
/** One log line of a job. */
export const logEntrySchema = z.object({
  time: z.string(),
  level: logLevelSchema,
  message: z.string(),
  msgid: z.string().optional(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

/** Summary of a finished `borg create --json`. */
export const backupResultSchema = z.object({
  archive: archiveSummarySchema,
  warnings: z.array(z.string()),
  /** How many more warnings the job log holds than the list (which is capped); absent when none. */
  moreWarnings: z.number().optional(),
});
export type BackupResult = z.infer<typeof backupResultSchema>;

/** A job as the UI shows it: status, progress and outcome. */
export const jobSnapshotSchema = z.object({
  id: z.string(),
  kind: jobKindSchema,
  repoId: z.string(),
  /** The title in English (logs, notifications); `titleWords` is what the renderer words. */
  title: z.string(),
  titleWords: jobTitleWordsSchema.optional(),
  status: jobStatusSchema,
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  progress: jobProgressSchema.optional(),
  result: backupResultSchema.optional(),
  restoreResult: restoreResultSchema.optional(),
  /** A restore drill that passed: what it restored and compared. */
  drillResult: drillResultSchema.optional(),
  error: serializedErrorSchema.optional(),
  /** The plan this job runs for (backup, prune and compact of a plan run). */
  planId: z.string().optional(),
  /** What a compact job freed, about, from borg's own message ("compaction freed about …"). */
  freedBytes: z.number().optional(),
  /** While queued behind another task of its repository: what it waits for, in English words. */
  waitingFor: z.string().optional(),
  /**
   * The same as data, for the renderer: the running job it waits for (its title), another task of
   * the repository, or the repository's lock for up to `seconds` (and who holds it, when known).
   * Absent in snapshots of older versions (then only `waitingFor` says it).
   */
  waitingWords: z
    .discriminatedUnion('code', [
      z.object({ code: z.literal('job'), title: z.string(), titleWords: jobTitleWordsSchema.optional() }),
      z.object({ code: z.literal('other-task') }),
      z.object({
        code: z.literal('lock'),
        seconds: z.number(),
        /** Borg's pid that holds the lock, when Borgdesk could read the roster. */
        holderPid: z.number().optional(),
        /** The holder's host name; absent when the holder is this computer. */
        holderHost: z.string().optional(),
      }),
    ])
    .optional(),
});
export type JobSnapshot = z.infer<typeof jobSnapshotSchema>;

/** What a one-off backup (`jobs:start-backup`) backs up and how. */
export const backupRequestSchema = z.object({
  repoId: z.string(),
  sourcePaths: z.array(z.string().min(1)).min(1),
  /** May hold borg placeholders such as {hostname} and {now}; borg expands them. */
  archiveName: z.string().min(1),
  compression: compressionSchema,
  excludeCaches: z.boolean(),
  excludePatterns: z.array(z.string()),
});
export type BackupRequest = z.infer<typeof backupRequestSchema>;
