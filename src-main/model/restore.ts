/** Restores and mounts: where a restore writes, its preview and result, and mounted archives. Pure data: imports only zod. */
import { z } from 'zod';

/** Where a restore writes. A new folder inside `parent` is the default; the original place is explicit. */
export const restoreDestinationSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('new-folder'), parent: z.string().min(1) }),
  z.object({ mode: z.literal('original') }),
]);
export type RestoreDestination = z.infer<typeof restoreDestinationSchema>;

/** What to restore, from which archive, to where. */
export const restoreRequestSchema = z.object({
  repoId: z.string(),
  archiveName: z.string().min(1),
  /** The archive's id: what tells borg 2's archives of one name (a series) apart. */
  archiveId: z.string().optional(),
  /** Archive paths to restore; empty means the whole archive. */
  paths: z.array(z.string().min(1)),
  destination: restoreDestinationSchema,
  /** `--strip-components`: leading folders removed from every restored path. */
  stripComponents: z.number().int().min(0),
});
export type RestoreRequest = z.infer<typeof restoreRequestSchema>;

/** What a restore would do (a dry run). */
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
  /** Items whose names borg lists alike (non-UTF-8 bytes shown as "?"); each is restored under its real name. */
  ambiguousCount: z.number().optional(),
});
export type RestorePreview = z.infer<typeof restorePreviewSchema>;

/** What a finished restore did. */
export const restoreResultSchema = z.object({
  targetDir: z.string(),
  fileCount: z.number(),
  totalBytes: z.number(),
  skippedCount: z.number(),
  warnings: z.array(z.string()),
  /** How many more warnings the job log holds than the list (which is capped); absent when none. */
  moreWarnings: z.number().optional(),
  /**
   * A cancelled restore: the file borg was writing when it was stopped (relative to targetDir), and
   * whether Borgdesk removed it (it was incomplete) or had to leave it.
   */
  partialFile: z.object({ path: z.string(), removed: z.boolean() }).optional(),
});
export type RestoreResult = z.infer<typeof restoreResultSchema>;

/** One mounted archive (or repository) and where it is mounted. */
export const mountSchema = z.object({
  /** Empty for a leftover mount whose repository is not known (no marker). */
  repoId: z.string(),
  archiveName: z.string().optional(),
  mountPoint: z.string(),
  /**
   * Where the archive's files start: the mount folder itself, or (borg 2, one archive) the folder
   * named after the archive inside it. What the UI shows, copies and opens.
   */
  filesAt: z.string().optional(),
  /** Left mounted by a Borgdesk run that ended without unmounting (a crash, a kill). */
  leftover: z.boolean().optional(),
  /** The repository's name as it was when mounted (leftover mounts). */
  repoName: z.string().optional(),
});
export type Mount = z.infer<typeof mountSchema>;
/** Whether mounting works here, and what is mounted. */
export const mountStatusSchema = z.object({
  available: z.boolean(),
  /** Why mounting is unavailable here (shown as the disabled button's tooltip). */
  reason: z.string().optional(),
  mounts: z.array(mountSchema),
});
export type MountStatus = z.infer<typeof mountStatusSchema>;
