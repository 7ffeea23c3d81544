/** The history domain of the contract: finished jobs and their kept logs. */
import { z } from 'zod';
import { historyEntrySchema } from '../../model/history.js';
import { logEntrySchema } from '../../model/job.js';

/** Requests about the job history. */
export const historyRequests = {
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
} as const;

/** Events about the job history. */
export const historyEvents = {
  /** A finished job was written to the history. */
  'history:added': historyEntrySchema,
} as const;
