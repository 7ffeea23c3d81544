/** The Prometheus metrics textfile as Settings shows it. Pure data: imports only zod. */
import { z } from 'zod';

/** How the last write of the metrics textfile went. */
export const metricsWriteSchema = z.object({
  /** ISO time of the attempt. */
  at: z.string(),
  /** The file written (or attempted). */
  file: z.string(),
  ok: z.boolean(),
  /** How many plan and repository pairs the file describes (on success). */
  targets: z.number().int().optional(),
  /** What went wrong, in plain words (on failure). */
  message: z.string().optional(),
  /** What to do about it (on failure). */
  remedy: z.string().optional(),
});
export type MetricsWrite = z.infer<typeof metricsWriteSchema>;

/** The setting and the outcome of the last write since Borgdesk started (none while off). */
export const metricsStatusSchema = z.object({
  file: z.string(),
  lastWrite: metricsWriteSchema.optional(),
});
export type MetricsStatus = z.infer<typeof metricsStatusSchema>;
