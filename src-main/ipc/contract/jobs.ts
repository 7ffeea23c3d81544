/** The jobs domain of the contract: starting backups, cancelling, listing jobs and their logs. */
import { z } from 'zod';
import {
  backupRequestSchema,
  jobProgressSchema,
  jobSnapshotSchema,
  logEntrySchema,
} from '../../model/job.js';
import { empty, jobRef } from './shared.js';

/** Requests about jobs. */
export const jobRequests = {
  'jobs:start-backup': { params: backupRequestSchema, result: jobRef },
  'jobs:cancel': { params: jobRef, result: z.object({ cancelled: z.boolean() }) },
  'jobs:list': { params: empty, result: z.array(jobSnapshotSchema) },
  'jobs:log': { params: jobRef, result: z.array(logEntrySchema) },
} as const;

/** Events about jobs. */
export const jobEvents = {
  /** A job was queued, started, or changed status. */
  'job:updated': jobSnapshotSchema,
  /** Coalesced progress: at most ~10 per second per job; the last one before finishing always arrives. */
  'job:progress': z.object({ jobId: z.string(), progress: jobProgressSchema }),
  /** New log lines for a job, batched. */
  'job:log': z.object({ jobId: z.string(), entries: z.array(logEntrySchema) }),
  /** A job reached a final status; carries the final snapshot. */
  'job:finished': jobSnapshotSchema,
} as const;
