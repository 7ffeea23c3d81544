/** The locks domain of the contract: who holds a repository's lock, Wait (retry with --lock-wait) and Break lock. */
import { z } from 'zod';
import { lockReportSchema, lockWaitSecondsSchema } from '../../model/lock.js';
import { jobRef, repoRef } from './shared.js';

/** Requests about repository locks. */
export const lockRequests = {
  /** Read borg's lock roster of a local repository (ssh: not readable, with the reason). */
  'locks:status': { params: repoRef, result: lockReportSchema },
  /** `borg break-lock`; a lock that is not stale needs `confirmedNoOtherBorg`. */
  'locks:break': {
    params: z.object({ repoId: z.string(), confirmedNoOtherBorg: z.boolean() }),
    result: lockReportSchema,
  },
  /** Queue a job that failed on the lock again, letting borg wait up to `lockWaitSeconds` for it. */
  'locks:wait-and-retry': {
    params: z.object({ jobId: z.string(), lockWaitSeconds: lockWaitSecondsSchema }),
    result: jobRef,
  },
} as const;
