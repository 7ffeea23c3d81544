/**
 * What a schedule owner persists per target so a restart neither repeats a run nor forgets a missed
 * one: the last successful run and the last attempt (epoch ms). Plans and periodic checks store it the
 * same way; the Scheduler reads it back as a target's `lastRunAt` / `lastAttemptAt`.
 */
import { z } from 'zod';

export const runStateSchema = z.object({
  lastRunAt: z.number().optional(),
  lastAttemptAt: z.number().optional(),
});
export type RunState = z.infer<typeof runStateSchema>;
