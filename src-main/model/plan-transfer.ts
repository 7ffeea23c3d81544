/**
 * Moving plans between computers: the versioned JSON file Borgdesk exports (plans with their
 * repositories' locations, never a secret), and the preview an import shows before anything is
 * created. Pure data: imports only zod and the schedule schema.
 */
import { z } from 'zod';
import { scheduleSchema } from './schedule.js';

/** The `format` field of an export file. */
export const PLAN_EXPORT_FORMAT = 'borgdesk-plans';
/** The newest export format version this Borgdesk reads and the one it writes. */
export const PLAN_EXPORT_VERSION = 1;

/**
 * A repository in an export file: where it is and how to reach it. `passcommand` is the user's
 * command line that prints the passphrase (a command, not a secret: its output is never exported).
 */
export const exportedRepositorySchema = z.object({
  /** Links plans' targets to this entry inside the file only. */
  key: z.string().min(1),
  name: z.string(),
  location: z.string().min(1),
  encryption: z.string().optional(),
  passcommand: z.string().optional(),
  sshKey: z.string().optional(),
});
export type ExportedRepository = z.infer<typeof exportedRepositorySchema>;

/** One target of an exported plan: a repository key of the same file and its schedule. */
export const exportedTargetSchema = z.object({
  repository: z.string().min(1),
  schedule: scheduleSchema.default({ kind: 'off' }),
});

/**
 * A plan in an export file: the plan's own fields (name, sources, patterns, hooks, retention …)
 * with targets naming file repository keys instead of ids. Fields are kept loosely here so a
 * field a newer Borgdesk added travels along; the import validates them as a plan draft.
 */
export const exportedPlanSchema = z
  .object({
    name: z.string(),
    /** Kept so the imported plan prunes the archives it made before (see archive-name.ts). */
    archivePrefix: z.string().optional(),
    targets: z.array(exportedTargetSchema),
  })
  .loose();
export type ExportedPlan = z.infer<typeof exportedPlanSchema>;

/** The whole export file. */
export const planExportSchema = z.object({
  format: z.literal(PLAN_EXPORT_FORMAT),
  version: z.number().int().min(1),
  exportedAt: z.string(),
  repositories: z.array(exportedRepositorySchema),
  plans: z.array(exportedPlanSchema),
});
export type PlanExport = z.infer<typeof planExportSchema>;

/** The longest file text an import reads. */
export const MAX_IMPORT_TEXT = 700_000;

/** Which kind of file an import reads; `auto` looks at the text. */
export const importSourceSchema = z.enum(['auto', 'borgdesk', 'vorta', 'borgmatic']);
export type ImportSource = z.infer<typeof importSourceSchema>;

/** What the import will do with one repository of the file. */
export const importedRepositoryPreviewSchema = z.object({
  key: z.string(),
  name: z.string(),
  location: z.string(),
  /** `existing`: already in Borgdesk at that location (`existingName`); `add`: registered, locked until unlocked. */
  action: z.enum(['existing', 'add']),
  existingName: z.string().optional(),
  /** True when an added repository needs its passphrase (or its encryption is not known yet). */
  locked: z.boolean(),
  /** Plain sentences: what else is set, what is left out. */
  notes: z.array(z.string()),
});
export type ImportedRepositoryPreview = z.infer<typeof importedRepositoryPreviewSchema>;

/** What the import will do with one plan of the file. */
export const importedPlanPreviewSchema = z.object({
  key: z.string(),
  /** The name it gets (with " (imported)" when a plan of that name exists). */
  name: z.string(),
  originalName: z.string(),
  targets: z.array(z.object({ repositoryKey: z.string(), schedule: scheduleSchema })),
  sourcePaths: z.array(z.string()),
  /** Plain sentences about what is carried over (excludes, retention, commands …). */
  carried: z.array(z.string()),
  /** Plain sentences about what the file has that Borgdesk does not take over. */
  notMapped: z.array(z.string()),
  /** Why this plan cannot be imported as it is; absent: it can. */
  problem: z.string().optional(),
});
export type ImportedPlanPreview = z.infer<typeof importedPlanPreviewSchema>;

/** The preview of a whole file. */
export const importPreviewSchema = z.object({
  source: z.enum(['borgdesk', 'vorta', 'borgmatic']),
  repositories: z.array(importedRepositoryPreviewSchema),
  plans: z.array(importedPlanPreviewSchema),
  /** File-level things that are not taken over (e.g. Vorta's app settings). */
  notMapped: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** What the import read and where from; `planKeys` are the previewed plans the user kept. */
export const importRequestSchema = z.object({
  // Under the browser host's 1 MiB message limit (ws-transport.ts); real plan files are a few KiB.
  text: z.string().max(MAX_IMPORT_TEXT, 'The file is too large for a plans file.'),
  source: importSourceSchema.optional(),
  /** The picked file's name: a borgmatic file has no plan name of its own. */
  fileName: z.string().max(500).optional(),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

/** What an import created. */
export const importResultSchema = z.object({
  plans: z.array(z.object({ id: z.string(), name: z.string() })),
  repositoriesAdded: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
