/** A repository as the UI sees it: its summary, totals and details. Pure data: imports only zod. */
import { z } from 'zod';
import { archiveSummarySchema } from './archive.js';

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
  /** True when the passphrase is remembered on this computer (keychain), so it survives a restart. */
  passphraseStored: z.boolean().optional(),
  lastBackupAt: z.string().optional(),
  /** When the key was last exported (file, paper, QR page or recovery kit), ISO; keyfile modes need it. */
  keyExportedAt: z.string().optional(),
  /** The command that prints the passphrase (BORG_PASSCOMMAND), when the user set one. */
  passcommand: z.string().optional(),
  /** The private key file ssh logs in with (ssh:// repositories); absent: ssh's own defaults. */
  sshKey: z.string().optional(),
});
export type RepositorySummary = z.infer<typeof repositorySummarySchema>;

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

/** A repository with its totals and archives (`repos:details`). */
export const repositoryDetailsSchema = z.object({
  repository: repositorySummarySchema,
  stats: repositoryStatsSchema.optional(),
  archives: z.array(archiveSummarySchema),
});
export type RepositoryDetails = z.infer<typeof repositoryDetailsSchema>;
