/**
 * The borg 2 maintenance domain of the contract: space reserved in a repository for emergencies
 * (`borg repo-space`) and recompressing a repository (`borg repo-compress`, as a job). The UI offers
 * them only where app:status's borg.features says the borg has them (repoSpace, repoCompress).
 */
import { z } from 'zod';
import { compressionSchema } from '../../model/compression.js';
import { jobRef, repoRef } from './shared.js';

/** How much is reserved now, in bytes. */
const reservedSpace = z.object({ reservedBytes: z.number().int().nonnegative() });

/** Requests of borg 2's repository maintenance. */
export const borg2MaintenanceRequests = {
  /** The space reserved in the repository (`repo-space`). */
  'repos:reserved-space': { params: repoRef, result: reservedSpace },
  /** Reserves `amount` (e.g. "1G"; borg rounds up to whole 64 MiB objects) where nothing is reserved yet. */
  'repos:reserve-space': {
    params: z.object({ repoId: z.string(), amount: z.string().regex(/^[1-9]\d{0,3}[MG]$/) }),
    result: reservedSpace,
  },
  /** Frees the reserved space (`repo-space --free`), so borg can prune, delete and compact on a full disk. */
  'repos:free-reserved-space': { params: repoRef, result: reservedSpace },
  /** `repo-compress` as a job with progress: every chunk gets `compression`. */
  'repos:recompress': {
    params: z.object({ repoId: z.string(), compression: compressionSchema }),
    result: jobRef,
  },
} as const;
