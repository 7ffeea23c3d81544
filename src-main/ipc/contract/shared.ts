/** Parameter shapes several domains of the contract share. */
import { z } from 'zod';

/** Params of a request that takes none. */
export const empty = z.object({}).strict();
/** Names one repository. */
export const repoRef = z.object({ repoId: z.string() });
/** Names one job; also the result of a request that queues a job. */
export const jobRef = z.object({ jobId: z.string() });
