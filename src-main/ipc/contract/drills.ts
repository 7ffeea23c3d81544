/** The drills domain of the contract: restore a sample of an archive and compare it with the source. */
import { z } from 'zod';
import { historyEntrySchema } from '../../model/history.js';
import { empty, jobRef } from './shared.js';

/** Requests about restore drills. */
export const drillRequests = {
  /**
   * Test a restore now, as a job: the newest archive of the plan in the repository, or without a
   * plan the repository's newest archive.
   */
  'drills:start': {
    params: z.object({ repoId: z.string(), planId: z.string().optional() }),
    result: jobRef,
  },
  /** The last drill of each plan target (and repository tested without a plan), newest first. */
  'drills:latest': { params: empty, result: z.array(historyEntrySchema) },
} as const;
