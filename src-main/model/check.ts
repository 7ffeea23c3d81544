/** Periodic `borg check`s of a repository. Pure data: imports only zod. */
import { z } from 'zod';
import { scheduleSchema, upcomingRunSchema } from './schedule.js';

/** Depth of `borg check`: repository only, archives metadata too, or every chunk's data. */
export const checkModeSchema = z.enum(['repository', 'archives', 'verify-data']);
export type CheckModeName = z.infer<typeof checkModeSchema>;

/** A repository's periodic `borg check`: how often and how deep. */
export const checkScheduleSchema = z.object({
  repoId: z.string(),
  schedule: scheduleSchema,
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
