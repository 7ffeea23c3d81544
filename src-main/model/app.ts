/** What the app knows about itself: the borg binary, config notices, its status and stale plans. Pure data: imports only zod. */
import { z } from 'zod';
import { secretStorageSchema } from './secret-storage.js';

/**
 * What the borg in use offers, as the screens need it (derived from the core's capability table, so
 * the renderer never compares versions itself).
 */
export const borgFeaturesSchema = z.object({
  /** 1 or 2: which repositories this borg opens (borg 2 can't open 1.x repositories and vice versa). */
  major: z.number().int(),
  /** `--encryption` modes a new repository can get, recommended first. */
  encryptionModes: z.array(z.string()),
  /** Delete only marks archives; they can be undeleted until the next compact (borg 2). */
  softDelete: z.boolean(),
  /** Several archives may share a name (a series); each is addressed by its id (borg 2). */
  archiveSeries: z.boolean(),
  /** Archives carry tags that can be shown and edited (borg 2's `tag`). */
  tags: z.boolean(),
  /** borg reports each archive's compressed and deduplicated size (borg 1.x). */
  archiveSizes: z.boolean(),
  /** `compact` says how much it freed (borg 1.x). */
  compactReportsFreed: z.boolean(),
  /** borg reports repository-wide totals in `info` (borg 1.x). */
  repositoryTotals: z.boolean(),
  /** `repo-space` reserves space for emergencies (borg 2). */
  repoSpace: z.boolean(),
  /** `repo-compress` recompresses a repository's chunks (borg 2). */
  repoCompress: z.boolean(),
  /** `check --find-lost-archives` rebuilds the archive list from the chunks (borg 2). */
  findLostArchives: z.boolean(),
  /** `repo-create --other-repo … --from-borg1` + `transfer --from-borg1` copy a 1.x repository (borg 2). */
  migrateFromBorg1: z.boolean(),
  /** Location kinds beside local folders and ssh://, e.g. "sftp" (borg 2 with borgstore). */
  extraLocationSchemes: z.array(z.string()),
});
export type BorgFeatures = z.infer<typeof borgFeaturesSchema>;

/** What the app knows about the borg binary it found (or did not find). */
export const borgStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok'), version: z.string(), path: z.string(), features: borgFeaturesSchema }),
  z.object({ state: z.literal('missing'), searched: z.array(z.string()) }),
  z.object({ state: z.literal('too-old'), version: z.string(), path: z.string(), minimum: z.string() }),
  z.object({ state: z.literal('broken'), path: z.string(), detail: z.string() }),
  /** A borg that runs but that Borgdesk can't drive (borg 2 betas for now); `reason` says why. */
  z.object({ state: z.literal('unsupported'), version: z.string(), path: z.string(), reason: z.string() }),
  /**
   * Borgdesk does not drive borg on this operating system: on Windows borg runs only inside WSL,
   * and the desktop app does not reach into WSL (app-status.ts says why). Nothing was searched.
   */
  z.object({ state: z.literal('platform-unsupported'), platform: z.string(), reason: z.string() }),
]);
export type BorgStatus = z.infer<typeof borgStatusSchema>;

/** How to install borg on a platform, shown when borg is missing. */
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
  /**
   * The settings file only: the keys of the settings reset (at most a few), so the renderer names
   * them in its words; `names` carries their English labels.
   */
  settingFields: z.array(z.string()).optional(),
  /** An unreadable file: what was wrong, as a code (the renderer words it; `detail` has the English). */
  unreadableReason: z.enum(['open-failed', 'not-json', 'bad-layout']).optional(),
  /** With 'open-failed': the system's error code (EACCES, EIO). */
  errnoCode: z.string().optional(),
  /** A plain English sentence: why a save failed, or what was wrong with an unreadable file. */
  detail: z.string().optional(),
});
export type ConfigNotice = z.infer<typeof configNoticeSchema>;

/** What the app reports about itself and its host (`app:status`). */
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
  /** Where remembered passphrases are kept (keychain, Secret Service or memory only), and any problem. */
  secretStorage: secretStorageSchema.optional(),
  /** The BORG_RSH set in Borgdesk's own environment: borg then uses it instead of Borgdesk's ssh command. */
  userBorgRsh: z.string().optional(),
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

/** A plan target overdue for a successful backup (`app:stale`), with its last failure's cause if known. */
export const staleItemSchema = z.object({
  /** The plan target's key (plan and repository). */
  id: z.string(),
  label: z.string(),
  repoName: z.string(),
  /** ISO time of the last successful backup; absent when there never was one. */
  lastSuccessAt: z.string().optional(),
  staleForMs: z.number(),
  cause: z
    .enum(['drive-absent', 'network', 'passphrase', 'lock', 'question', 'interrupted', 'borg-error'])
    .optional(),
  causeMessage: z.string().optional(),
});
export type StaleItemRow = z.infer<typeof staleItemSchema>;
