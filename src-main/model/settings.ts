/** The user's settings. Pure data: imports only zod. */
import { z } from 'zod';
import { compressionSchema } from './compression.js';

/** The user's settings, as stored and as the Settings screen edits them. */
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
  /** The Prometheus textfile Borgdesk keeps for node_exporter (a full path to a .prom file); empty: off. */
  metricsTextfile: z.string().max(4096),
  /** Size cap of the archive contents indexes on disk in MB (decimal, as sizes are shown); LRU. */
  archiveIndexCacheMb: z.number().int().min(100).max(1_000_000),
  /** The UI's language: follow the system's, or one of the shipped languages. */
  language: z.enum(['system', 'en', 'de']),
});
export type Settings = z.infer<typeof settingsSchema>;
