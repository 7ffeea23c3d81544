/**
 * The one contract between the core and every UI host: each request (name, params, result) and each
 * event the core pushes. Both transports (Electron IPC and the browser host's WebSocket) and the
 * renderer's client are derived from this file, so a change here is a change everywhere.
 *
 * This module must stay free of Node and Electron imports: the renderer imports it too.
 */
import { z } from 'zod';
import { planDraftSchema, planSchema } from '../core/plans/plan.js';
import { retentionPolicySchema } from '../core/plans/retention.js';
import { scheduleSchema } from '../core/schedule/schedule.js';
import type { EventName as ListedEventName, RequestName as ListedRequestName } from './names.js';

// ---------------------------------------------------------------------------------------------
// Shared shapes
// ---------------------------------------------------------------------------------------------

/** Encryption modes offered when creating a repository (borg 1.2/1.4 `borg init --encryption`). */
export const encryptionModeSchema = z.enum([
  'repokey-blake2',
  'repokey',
  'keyfile-blake2',
  'keyfile',
  'authenticated-blake2',
  'authenticated',
  'none',
]);
export type EncryptionMode = z.infer<typeof encryptionModeSchema>;

/** Compression choices shown in the backup dialog; passed to `borg create --compression`. */
export const compressionSchema = z.enum(['lz4', 'zstd,3', 'zstd,10', 'zlib,6', 'lzma,6', 'none']);
export type Compression = z.infer<typeof compressionSchema>;

/** A repository as the UI lists it. Never carries a passphrase. */
export const repositorySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string(),
  /** Encryption mode once known (from init or from `borg info`). */
  encryption: z.string().optional(),
  /** True when borg needs a passphrase for this repository. */
  needsPassphrase: z.boolean(),
  /** True when a passphrase is held in memory (or a passcommand is set), so jobs can run unattended. */
  unlocked: z.boolean(),
  lastBackupAt: z.string().optional(),
});
export type RepositorySummary = z.infer<typeof repositorySummarySchema>;

/** One archive row: `borg info --json` fields, all optional except identity and start. */
export const archiveSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string().optional(),
  durationSeconds: z.number().optional(),
  originalSize: z.number().optional(),
  compressedSize: z.number().optional(),
  deduplicatedSize: z.number().optional(),
  fileCount: z.number().optional(),
  hostname: z.string().optional(),
  username: z.string().optional(),
});
export type ArchiveSummary = z.infer<typeof archiveSummarySchema>;

/** Repository totals from the cache stats of `borg info --json`. */
export const repositoryStatsSchema = z.object({
  totalSize: z.number(),
  totalCompressedSize: z.number(),
  uniqueSize: z.number(),
  uniqueCompressedSize: z.number(),
  /** totalSize / uniqueCompressedSize: how many bytes of source each stored byte stands for. */
  dedupRatio: z.number(),
});
export type RepositoryStats = z.infer<typeof repositoryStatsSchema>;

export const repositoryDetailsSchema = z.object({
  repository: repositorySummarySchema,
  stats: repositoryStatsSchema.optional(),
  archives: z.array(archiveSummarySchema),
});
export type RepositoryDetails = z.infer<typeof repositoryDetailsSchema>;

/** What the app knows about the borg binary it found (or did not find). */
export const borgStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok'), version: z.string(), path: z.string() }),
  z.object({ state: z.literal('missing'), searched: z.array(z.string()) }),
  z.object({ state: z.literal('too-old'), version: z.string(), path: z.string(), minimum: z.string() }),
  z.object({ state: z.literal('broken'), path: z.string(), detail: z.string() }),
]);
export type BorgStatus = z.infer<typeof borgStatusSchema>;

export const installHintSchema = z.object({ platform: z.string(), command: z.string() });
export type InstallHint = z.infer<typeof installHintSchema>;

/**
 * Something Borgdesk had to do with one of its config files at start or on a save: entries it could
 * not read and set aside, a file it could not read at all, a file from a newer Borgdesk (opened
 * read-only), or a save that failed. Paths are absolute, so the user can find the original.
 */
export const configNoticeSchema = z.object({
  /** Stable for one file and kind; `app:dismiss-config-notice` takes it. */
  id: z.string(),
  file: z.enum(['plans', 'repositories', 'checks', 'settings']),
  kind: z.enum(['entries-set-aside', 'unreadable', 'newer-version', 'write-failed']),
  /** The config file itself (e.g. /home/me/.config/borgdesk/plans.json). */
  path: z.string(),
  /** How many entries (or settings) were set aside or not understood. */
  count: z.number().int().optional(),
  /** Names a person recognises ("Documents", "Path to borg"), at most a few. */
  names: z.array(z.string()).optional(),
  /** Where the original is kept (the set-aside or corrupt copy, or the untouched file). */
  keptAt: z.string().optional(),
  /** A plain sentence: why a save failed, or what was wrong with an unreadable file. */
  detail: z.string().optional(),
});
export type ConfigNotice = z.infer<typeof configNoticeSchema>;

export const appStatusSchema = z.object({
  host: z.enum(['electron', 'browser']),
  hostname: z.string(),
  platform: z.string(),
  homeDir: z.string(),
  borg: borgStatusSchema,
  installHints: z.array(installHintSchema),
  /** True until the first repository has been added. */
  firstRun: z.boolean(),
  /** The host's clock (ISO): history times come from it, so "3 hours ago" is measured against it. */
  now: z.string(),
  /** Whether this host can start Borgdesk at login (only the desktop app can). */
  startAtLoginSupported: z.boolean(),
  /** Why no tray icon is shown (desktop app on a Linux desktop without a tray host); absent when fine. */
  trayProblem: z.string().optional(),
  /** What happened to the config files (set-aside entries, unreadable or newer files, failed saves). */
  configNotices: z.array(configNoticeSchema).optional(),
  /** Suggestions for the welcome screen. */
  defaults: z.object({
    repositoryPath: z.string(),
    sourcePaths: z.array(z.string()),
    archiveNameTemplate: z.string(),
  }),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const settingsSchema = z.object({
  /** Explicit path to borg; empty means search PATH. */
  borgPath: z.string(),
  defaultCompression: compressionSchema,
  /** Which desktop notifications to show: every run, only problems, or none. */
  notificationLevel: z.enum(['all', 'problems', 'off']),
  /** A scheduled plan with no successful backup for this many days is reported as stale. */
  staleAfterDays: z.number().int().min(1).max(60),
  /** Start Borgdesk (in the tray) when the user logs in; applied by the desktop host. */
  startAtLogin: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A plan target overdue for a successful backup (`app:stale`), with its last failure's cause if known. */
export const staleItemSchema = z.object({
  /** The plan target's key (plan and repository). */
  id: z.string(),
  label: z.string(),
  repoName: z.string(),
  /** ISO time of the last successful backup; absent when there never was one. */
  lastSuccessAt: z.string().optional(),
  staleForMs: z.number(),
  cause: z.enum(['drive-absent', 'network', 'passphrase', 'lock', 'interrupted', 'borg-error']).optional(),
  causeMessage: z.string().optional(),
});
export type StaleItemRow = z.infer<typeof staleItemSchema>;

export const folderEntrySchema = z.object({ name: z.string(), path: z.string(), isDirectory: z.boolean() });
export const folderListingSchema = z.object({
  path: z.string(),
  parent: z.string().optional(),
  entries: z.array(folderEntrySchema),
  /** Handy starting points: home, root, mounted drives. */
  places: z.array(z.object({ label: z.string(), path: z.string() })),
  /** True when the folder held more than the listing cap: `entries` is a part of it, folders first. */
  truncated: z.boolean().optional(),
});
export type FolderListing = z.infer<typeof folderListingSchema>;

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
]);
export type JobKind = z.infer<typeof jobKindSchema>;

export const jobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'warning', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** The one error shape that crosses the boundary, so the UI can say what happened and what to do. */
export const serializedErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  remedy: z.string().optional(),
  msgid: z.string().optional(),
  rc: z.number().optional(),
});
export type SerializedError = z.infer<typeof serializedErrorSchema>;

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
});
/** Progress of commands that report a message or a percentage (cache sync, extract, check). */
export const stepProgressSchema = z.object({
  kind: z.literal('step'),
  message: z.string(),
  percent: z.number().optional(),
  elapsedMs: z.number(),
  /** For extract: the file being written, bytes done of total, and an estimate of the time left. */
  currentPath: z.string().optional(),
  bytesDone: z.number().optional(),
  bytesTotal: z.number().optional(),
  etaSeconds: z.number().optional(),
});
export const jobProgressSchema = z.discriminatedUnion('kind', [backupProgressSchema, stepProgressSchema]);
export type BackupProgress = z.infer<typeof backupProgressSchema>;
export type JobProgress = z.infer<typeof jobProgressSchema>;

export const logLevelSchema = z.enum(['debug', 'info', 'warning', 'error']);
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
});
export type BackupResult = z.infer<typeof backupResultSchema>;

export const jobSnapshotSchema = z.object({
  id: z.string(),
  kind: jobKindSchema,
  repoId: z.string(),
  title: z.string(),
  status: jobStatusSchema,
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  progress: jobProgressSchema.optional(),
  result: backupResultSchema.optional(),
  restoreResult: z.lazy(() => restoreResultSchema).optional(),
  error: serializedErrorSchema.optional(),
  /** The plan this job runs for (backup, prune and compact of a plan run). */
  planId: z.string().optional(),
});
export type JobSnapshot = z.infer<typeof jobSnapshotSchema>;

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

// ---------------------------------------------------------------------------------------------
// Archive contents, restore, mount, compare (issue: point-and-click restore)
// ---------------------------------------------------------------------------------------------

/** One item of an archive as the browser shows it. `path` is the archive path (no leading slash). */
export const archiveEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  type: z.enum(['file', 'directory', 'symlink', 'other']),
  size: z.number(),
  /** ISO 8601 local time as borg reports it. */
  mtime: z.string(),
  mode: z.string(),
  user: z.string(),
  group: z.string(),
  linkTarget: z.string().optional(),
  /** Directories: how many direct children. */
  childCount: z.number().optional(),
});
export type ArchiveEntry = z.infer<typeof archiveEntrySchema>;

export const archiveRefSchema = z.object({ repoId: z.string(), archiveName: z.string().min(1) });
export type ArchiveRef = z.infer<typeof archiveRefSchema>;

/** State of the contents index of one archive (built by streaming `borg list --json-lines`). */
export const archiveIndexStateSchema = z.object({
  repoId: z.string(),
  archiveName: z.string(),
  status: z.enum(['loading', 'ready', 'failed']),
  entryCount: z.number(),
  /** True when the index came from the on-disk cache (no borg run needed). */
  fromCache: z.boolean(),
  error: serializedErrorSchema.optional(),
});
export type ArchiveIndexState = z.infer<typeof archiveIndexStateSchema>;

export const entrySortSchema = z.object({
  key: z.enum(['name', 'size', 'mtime', 'type']),
  direction: z.enum(['asc', 'desc']),
});
export type EntrySort = z.infer<typeof entrySortSchema>;

export const folderPageSchema = z.object({
  path: z.string(),
  entries: z.array(archiveEntrySchema),
  /** How many children the folder has in all; entries is the window [offset, offset+limit). */
  total: z.number(),
  offset: z.number(),
  /** False while the index is still loading: more children may appear. */
  complete: z.boolean(),
});
export type FolderPage = z.infer<typeof folderPageSchema>;

export const searchModeSchema = z.enum(['substring', 'glob']);
export const searchResultSchema = z.object({ matches: z.array(archiveEntrySchema), truncated: z.boolean() });
export type SearchResult = z.infer<typeof searchResultSchema>;

/** One archive's copy of a path, for the "Versions" view. */
export const fileVersionSchema = z.object({
  archiveName: z.string(),
  archiveStart: z.string(),
  size: z.number(),
  mtime: z.string(),
  type: archiveEntrySchema.shape.type,
  /** True when size or mtime differ from the next-older version (or it is the oldest). */
  changed: z.boolean(),
});
export type FileVersion = z.infer<typeof fileVersionSchema>;

export const crossArchiveHitSchema = z.object({
  path: z.string(),
  type: archiveEntrySchema.shape.type,
  archives: z.array(z.object({ archiveName: z.string(), size: z.number(), mtime: z.string() })),
});
export type CrossArchiveHit = z.infer<typeof crossArchiveHitSchema>;

/** Where a restore writes. A new folder inside `parent` is the default; the original place is explicit. */
export const restoreDestinationSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('new-folder'), parent: z.string().min(1) }),
  z.object({ mode: z.literal('original') }),
]);
export type RestoreDestination = z.infer<typeof restoreDestinationSchema>;

export const restoreRequestSchema = z.object({
  repoId: z.string(),
  archiveName: z.string().min(1),
  /** Archive paths to restore; empty means the whole archive. */
  paths: z.array(z.string().min(1)),
  destination: restoreDestinationSchema,
  /** `--strip-components`: leading folders removed from every restored path. */
  stripComponents: z.number().int().min(0),
});
export type RestoreRequest = z.infer<typeof restoreRequestSchema>;

export const restorePreviewSchema = z.object({
  /** The folder borg will write into (created on start for a new folder). */
  targetDir: z.string(),
  fileCount: z.number(),
  totalBytes: z.number(),
  /** Files that already exist where the restore would write them. */
  conflictCount: z.number(),
  conflictExamples: z.array(z.string()),
  /** A sample of where items land: archive path → path on disk (first 200). */
  items: z.array(z.object({ archivePath: z.string(), targetPath: z.string() })),
});
export type RestorePreview = z.infer<typeof restorePreviewSchema>;

export const restoreResultSchema = z.object({
  targetDir: z.string(),
  fileCount: z.number(),
  totalBytes: z.number(),
  skippedCount: z.number(),
  warnings: z.array(z.string()),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

export const mountSchema = z.object({
  repoId: z.string(),
  archiveName: z.string().optional(),
  mountPoint: z.string(),
});
export type Mount = z.infer<typeof mountSchema>;
export const mountStatusSchema = z.object({
  available: z.boolean(),
  /** Why mounting is unavailable here (shown as the disabled button's tooltip). */
  reason: z.string().optional(),
  mounts: z.array(mountSchema),
});
export type MountStatus = z.infer<typeof mountStatusSchema>;

export const diffChangeSchema = z.object({
  type: z.string(),
  added: z.number().optional(),
  removed: z.number().optional(),
  size: z.number().optional(),
  oldMode: z.string().optional(),
  newMode: z.string().optional(),
  oldUser: z.string().optional(),
  newUser: z.string().optional(),
  oldGroup: z.string().optional(),
  newGroup: z.string().optional(),
});
export const diffItemSchema = z.object({
  path: z.string(),
  /** Summary category used for filters and counts. */
  category: z.enum(['added', 'removed', 'modified', 'mode', 'owner', 'link']),
  changes: z.array(diffChangeSchema),
});
export type DiffItem = z.infer<typeof diffItemSchema>;
export const diffResultSchema = z.object({
  items: z.array(diffItemSchema),
  counts: z.record(z.string(), z.number()),
  truncated: z.boolean(),
});
export type DiffResult = z.infer<typeof diffResultSchema>;

// ---------------------------------------------------------------------------------------------
// Job history (issue: backups that run themselves)
// ---------------------------------------------------------------------------------------------

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
  title: z.string(),
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
  /** How many log lines were kept with the entry. */
  logLineCount: z.number(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

// ---------------------------------------------------------------------------------------------
// Requests: name → params and result
// ---------------------------------------------------------------------------------------------

const empty = z.object({}).strict();
const repoRef = z.object({ repoId: z.string() });

// ---------------------------------------------------------------------------------------------
// Plans, schedules and maintenance (issue: backups that run themselves)
// ---------------------------------------------------------------------------------------------

// Lazy: core/plans/plan.ts imports compressionSchema from this module, so the two may load in either order.
/** A stored backup plan (schema in core/plans/plan.ts, which is Node-free). */
export const storedPlanSchema = z.lazy(() => planSchema);
/** A plan as the editor submits it (no id, no archive prefix). */
export const planDraftInputSchema = z.lazy(() => planDraftSchema);

/** Exclusion rules for the pattern tester when no saved plan is named. */
export const draftRulesSchema = z.object({
  excludes: z.array(z.string()),
  patterns: z.array(z.string()),
  presets: z.array(z.string()).optional(),
  sourcePaths: z.array(z.string()).optional(),
});

/** The pattern tester's answer. */
export const pathTestSchema = z.object({
  excluded: z.boolean(),
  rule: z.string().optional(),
  matchedPath: z.string().optional(),
  archivePath: z.string(),
  outsideRoots: z.boolean().optional(),
});
export type PathTest = z.infer<typeof pathTestSchema>;

/** One row of the "next run" list: a plan's target. `dueAt` is absent while waiting (e.g. for a drive). */
export const upcomingRunSchema = z.object({
  planId: z.string(),
  repoId: z.string(),
  dueAt: z.string().optional(),
  reason: z.enum(['schedule', 'catch-up']).optional(),
  waitingFor: z.enum(['running', 'target', 'network', 'conditions', 'paused']).optional(),
  lastRunAt: z.string().optional(),
});
export type UpcomingRunRow = z.infer<typeof upcomingRunSchema>;

export const scheduleStateSchema = z.object({ paused: z.boolean() });
export type ScheduleState = z.infer<typeof scheduleStateSchema>;

/** Depth of `borg check`: repository only, archives metadata too, or every chunk's data. */
export const checkModeSchema = z.enum(['repository', 'archives', 'verify-data']);
export type CheckModeName = z.infer<typeof checkModeSchema>;

/** A repository's periodic `borg check`: how often and how deep. */
export const checkScheduleSchema = z.object({
  repoId: z.string(),
  // Lazy for the same load-order reason as the plan schemas.
  schedule: z.lazy(() => scheduleSchema),
  mode: checkModeSchema,
});
export type CheckSchedule = z.infer<typeof checkScheduleSchema>;

/** A repository's check schedule with its next due time, as the UI lists it. */
export const checkScheduleRowSchema = checkScheduleSchema.extend({
  dueAt: z.string().optional(),
  lastRunAt: z.string().optional(),
  waitingFor: upcomingRunSchema.shape.waitingFor,
});
export type CheckScheduleRow = z.infer<typeof checkScheduleRowSchema>;

const planRef = z.object({ planId: z.string().min(1) });
const jobRef = z.object({ jobId: z.string() });

/** Requests of the plans/schedules/maintenance domain; merged into `requests` below. */
const planRequests = {
  'plans:list': { params: empty, result: z.array(storedPlanSchema) },
  /** Create (no id) or update (id) a plan from a draft; invalid drafts fail with InvalidInput naming each field. */
  'plans:save': {
    params: z.object({ id: z.string().min(1).optional(), draft: planDraftInputSchema }),
    result: storedPlanSchema,
  },
  'plans:delete': { params: planRef, result: z.object({ deleted: z.boolean() }) },
  /** Back up now: every target of the plan, or only `repoId`. */
  'plans:run-now': {
    params: planRef.extend({ repoId: z.string().optional() }),
    result: z.object({ jobIds: z.array(z.string()) }),
  },
  /** Whether `borg create` would exclude `path` under a saved plan's rules or under draft rules. */
  'plans:test-path': {
    params: z.object({
      planId: z.string().optional(),
      rules: draftRulesSchema.optional(),
      path: z.string().min(1),
    }),
    result: pathTestSchema,
  },
  /** What a retention policy would keep and delete (`borg prune --dry-run --list`), newest first. */
  'plans:preview-prune': {
    params: z.object({
      repoId: z.string(),
      planId: z.string().optional(),
      glob: z.string().optional(),
      retention: z.lazy(() => retentionPolicySchema),
    }),
    result: z.object({ kept: z.array(z.string()), pruned: z.array(z.string()) }),
  },
  'schedules:upcoming': { params: empty, result: z.array(upcomingRunSchema) },
  'schedules:pause': { params: empty, result: scheduleStateSchema },
  'schedules:resume': { params: empty, result: scheduleStateSchema },
  'schedules:state': { params: empty, result: scheduleStateSchema },
  /** Delete one archive (as a job in the repository's queue). */
  'archives:delete': { params: archiveRefSchema, result: jobRef },
  /** `borg check` as a job with progress. */
  'repos:check': { params: z.object({ repoId: z.string(), mode: checkModeSchema }), result: jobRef },
  /** Every repository's periodic check (repositories without one are listed with schedule off). */
  'checks:list': { params: empty, result: z.array(checkScheduleRowSchema) },
  /** Set a repository's periodic check; `schedule.kind: 'off'` turns it off. */
  'checks:save': { params: checkScheduleSchema, result: checkScheduleRowSchema },
  /** Browser host test mode only (BORGDESK_TEST_CLOCK=1): move the manual clock; NotFound otherwise. */
  'test:advance-clock': {
    params: z.object({
      ms: z
        .number()
        .int()
        .min(0)
        .max(366 * 86_400_000),
    }),
    result: z.object({ now: z.string() }),
  },
} as const;

/** Every request the renderer may make. Names are `domain:verb`. */
export const requests = {
  'app:status': { params: empty, result: appStatusSchema },
  /** Scheduled plan targets without a successful backup for longer than `staleAfterDays`, oldest first. */
  'app:stale': { params: empty, result: z.array(staleItemSchema) },
  /** Hide a config notice until the next start (the file it names stays where it is). */
  'app:dismiss-config-notice': {
    params: z.object({ id: z.string() }),
    result: z.object({ dismissed: z.boolean() }),
  },
  'settings:get': { params: empty, result: settingsSchema },
  'settings:update': { params: settingsSchema.partial(), result: settingsSchema },

  'repos:list': { params: empty, result: z.array(repositorySummarySchema) },
  'repos:create': {
    params: z.object({
      name: z.string().min(1),
      location: z.string().min(1),
      encryption: encryptionModeSchema,
      passphrase: z.string().optional(),
    }),
    result: repositorySummarySchema,
  },
  'repos:add-existing': {
    params: z.object({
      name: z.string().min(1),
      location: z.string().min(1),
      passphrase: z.string().optional(),
    }),
    result: repositorySummarySchema,
  },
  'repos:unlock': {
    params: z.object({ repoId: z.string(), passphrase: z.string() }),
    result: repositorySummarySchema,
  },
  'repos:remove': { params: repoRef, result: z.object({ removed: z.boolean() }) },
  'repos:details': { params: repoRef, result: repositoryDetailsSchema },

  'jobs:start-backup': { params: backupRequestSchema, result: z.object({ jobId: z.string() }) },
  'jobs:cancel': { params: z.object({ jobId: z.string() }), result: z.object({ cancelled: z.boolean() }) },
  'jobs:list': { params: empty, result: z.array(jobSnapshotSchema) },
  'jobs:log': { params: z.object({ jobId: z.string() }), result: z.array(logEntrySchema) },

  /** Start (or reuse) the contents index of an archive; progress arrives as `archive-index:updated`. */
  'archives:open': { params: archiveRefSchema, result: archiveIndexStateSchema },
  /** One folder of an opened archive ('' is the root), sorted and windowed for a virtualized list. */
  'archives:folder': {
    params: archiveRefSchema.extend({
      path: z.string(),
      sort: entrySortSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(5000),
    }),
    result: folderPageSchema,
  },
  /** Where an archive path sits in its folder under a sort, so a reveal scrolls there in one request. */
  'archives:locate': {
    params: archiveRefSchema.extend({ path: z.string().min(1), sort: entrySortSchema }),
    result: z.object({
      /** The folder holding the entry ('' is the root). */
      folder: z.string(),
      /** The entry's row in that folder's pages; null while borg is still listing and has not reached it. */
      index: z.number().int().min(0).nullable(),
      /** False while the index is still loading: rows may still shift as children arrive. */
      complete: z.boolean(),
    }),
  },
  'archives:search': {
    params: archiveRefSchema.extend({
      query: z.string().min(1),
      mode: searchModeSchema,
      limit: z.number().int().min(1).max(5000),
    }),
    result: searchResultSchema,
  },
  /** Every archive of the repository that holds `path`, newest first (indexes archives as needed). */
  'archives:versions': {
    params: z.object({ repoId: z.string(), path: z.string().min(1) }),
    result: z.object({ versions: z.array(fileVersionSchema), archivesSearched: z.number() }),
  },
  /** Search every archive of a repository; results grouped by path. */
  'archives:search-all': {
    params: z.object({
      repoId: z.string(),
      query: z.string().min(1),
      mode: searchModeSchema,
      limit: z.number().int().min(1).max(5000),
    }),
    result: z.object({
      hits: z.array(crossArchiveHitSchema),
      archivesSearched: z.number(),
      truncated: z.boolean(),
    }),
  },
  'archives:diff': {
    params: z.object({ repoId: z.string(), archiveA: z.string().min(1), archiveB: z.string().min(1) }),
    result: diffResultSchema,
  },

  /** Where a restore would write, how much, and what already exists there (a dry run). */
  'restore:preview': { params: restoreRequestSchema, result: restorePreviewSchema },
  /** Start a restore job; conflicts found by the preview are skipped or overwritten as chosen. */
  'jobs:start-restore': {
    params: restoreRequestSchema.extend({ onConflict: z.enum(['skip', 'overwrite']) }),
    result: z.object({ jobId: z.string() }),
  },
  /** "Save a copy as…": restore one file to an exact path; refuses to overwrite an existing file. */
  'jobs:save-copy': {
    params: archiveRefSchema.extend({ path: z.string().min(1), targetPath: z.string().min(1) }),
    result: z.object({ jobId: z.string() }),
  },

  'mount:status': { params: empty, result: mountStatusSchema },
  /** Mount an archive (or with no archiveName the whole repository) read-only in a temporary folder. */
  'mount:mount': {
    params: z.object({ repoId: z.string(), archiveName: z.string().optional() }),
    result: mountSchema,
  },
  'mount:unmount': { params: z.object({ mountPoint: z.string() }), result: mountStatusSchema },

  /** Open a folder in the system file manager; the browser host answers `{ opened: false }`. */
  'shell:open-path': {
    params: z.object({ path: z.string().min(1) }),
    result: z.object({ opened: z.boolean() }),
  },

  /**
   * Finished jobs, newest first. `before` is the finishedAt of the last entry of the previous page;
   * a page never splits jobs that finished at the same instant, so it may hold a few more than limit.
   */
  'history:list': {
    params: z.object({
      repoId: z.string().optional(),
      limit: z.number().int().min(1).max(500),
      before: z.string().optional(),
    }),
    result: z.object({ entries: z.array(historyEntrySchema), hasMore: z.boolean() }),
  },
  /** The kept log of one history entry. */
  'history:log': { params: z.object({ id: z.string() }), result: z.array(logEntrySchema) },

  /** Browser host's in-app folder picker (the Electron host uses a native dialog instead). */
  'fs:list-folder': {
    params: z.object({ path: z.string().optional(), showHidden: z.boolean().optional() }),
    result: folderListingSchema,
  },
  /** Native folder chooser; the browser host answers `{ supported: false }`. */
  'dialog:choose-folders': {
    params: z.object({ title: z.string(), multiple: z.boolean() }),
    result: z.object({ supported: z.boolean(), paths: z.array(z.string()) }),
  },
  ...planRequests,
} as const;

export type RequestName = keyof typeof requests;
export type RequestParams<N extends RequestName> = z.input<(typeof requests)[N]['params']>;
export type RequestResult<N extends RequestName> = z.infer<(typeof requests)[N]['result']>;

// ---------------------------------------------------------------------------------------------
// Events: pushed from the core to every connected UI
// ---------------------------------------------------------------------------------------------

export const events = {
  /** A job was queued, started, or changed status. */
  'job:updated': jobSnapshotSchema,
  /** Coalesced progress: at most ~10 per second per job; the last one before finishing always arrives. */
  'job:progress': z.object({ jobId: z.string(), progress: jobProgressSchema }),
  /** New log lines for a job, batched. */
  'job:log': z.object({ jobId: z.string(), entries: z.array(logEntrySchema) }),
  /** A job reached a final status; carries the final snapshot. */
  'job:finished': jobSnapshotSchema,
  /** The repository list changed (added, removed, unlocked, new backup). */
  'repos:changed': z.array(repositorySummarySchema),
  /** An archive's contents index progressed, finished or failed. */
  'archive-index:updated': archiveIndexStateSchema,
  /** Mounts changed (mounted, unmounted, or gone because the app unmounted on quit). */
  'mount:changed': mountStatusSchema,
  /** A finished job was written to the history. */
  'history:added': historyEntrySchema,
  /** The plan list changed (saved or deleted). */
  'plans:changed': z.array(storedPlanSchema),
  /** Next runs or the paused state changed. */
  'schedules:changed': z.object({ paused: z.boolean(), upcoming: z.array(upcomingRunSchema) }),
  /** The host's clock jumped (browser host test mode, `test:advance-clock`); carries its new time. */
  'app:clock': z.object({ now: z.string() }),
  /** Periodic checks changed (saved, ran, or their next due time moved). */
  'checks:changed': z.array(checkScheduleRowSchema),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;

// ---------------------------------------------------------------------------------------------
// Envelope, identical on both transports
// ---------------------------------------------------------------------------------------------

export type RequestEnvelope = { readonly id: number; readonly method: string; readonly params: unknown };
export type ReplyEnvelope =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };
export type EventEnvelope = { readonly event: EventName; readonly payload: unknown };

/** The typed API the renderer talks to, whatever the host. */
export interface BorgdeskApi {
  invoke<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResult<N>>;
  on<N extends EventName>(event: N, listener: (payload: EventPayload<N>) => void): () => void;
}

/** Handlers the core implements: one per request, params already validated. */
export type RequestHandlers = {
  readonly [N in RequestName]: (params: z.infer<(typeof requests)[N]['params']>) => Promise<RequestResult<N>>;
};

// names.ts lists the same names for the preload; these fail to compile if either side has one the
// other lacks.
type SameNames<A extends string, B extends string> = [Exclude<A, B>, Exclude<B, A>] extends [never, never]
  ? true
  : { readonly missingOrExtra: Exclude<A, B> | Exclude<B, A> };
const requestNamesMatch: SameNames<RequestName, ListedRequestName> = true;
const eventNamesMatch: SameNames<EventName, ListedEventName> = true;
void requestNamesMatch;
void eventNamesMatch;

export { isEventName, isRequestName } from './names.js';
