/** The space domain of the contract: what a repository takes on disk, and `borg compact` as a job. */
import { repositorySpaceSchema } from '../../model/space.js';
import { jobRef, repoRef } from './shared.js';

/** Requests about a repository's disk space. */
export const spaceRequests = {
  /** The repository folder's size on disk (local repositories; others say why not). */
  'repos:space': { params: repoRef, result: repositorySpaceSchema },
  /** `borg compact` as a job with progress; frees the space of deleted and pruned archives. */
  'repos:compact': { params: repoRef, result: jobRef },
} as const;
