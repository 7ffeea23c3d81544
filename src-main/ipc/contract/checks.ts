/** The checks domain of the contract: `borg check` now, and each repository's periodic check. */
import { z } from 'zod';
import { checkModeSchema, checkScheduleRowSchema, checkScheduleSchema } from '../../model/check.js';
import { empty, jobRef } from './shared.js';

/** Requests about repository checks. */
export const checkRequests = {
  /** `borg check` as a job with progress. */
  'repos:check': {
    params: z.object({
      repoId: z.string(),
      mode: checkModeSchema,
      /** Also look for archives lost from the archive list (borg 2's `check --find-lost-archives`). */
      findLostArchives: z.boolean().optional(),
    }),
    result: jobRef,
  },
  /** Every repository's periodic check (repositories without one are listed with schedule off). */
  'checks:list': { params: empty, result: z.array(checkScheduleRowSchema) },
  /** Set a repository's periodic check; `schedule.kind: 'off'` turns it off. */
  'checks:save': { params: checkScheduleSchema, result: checkScheduleRowSchema },
} as const;

/** Events about repository checks. */
export const checkEvents = {
  /** Periodic checks changed (saved, ran, or their next due time moved). */
  'checks:changed': z.array(checkScheduleRowSchema),
} as const;
