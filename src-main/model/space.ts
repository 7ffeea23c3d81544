/**
 * A repository's disk space as far as Borgdesk can tell honestly: what its folder takes on disk
 * (local repositories only) next to what its archives need, and what compacting could free.
 * Pure data: imports only zod.
 */
import { z } from 'zod';

/** `repos:space`: a local repository's folder sizes, or why they are not known. */
export const repositorySpaceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('measured'),
    /** The whole repository folder (segments, index, hints, config), as `du -b` would add it up. */
    onDiskBytes: z.number(),
    /** The segment files alone (`data/`): the part compacting can shrink. */
    segmentBytes: z.number(),
  }),
  /** An ssh:// or host:path repository, or a folder that could not be read: nothing measured. */
  z.object({ kind: z.literal('unknown'), reason: z.string() }),
]);
export type RepositorySpace = z.infer<typeof repositorySpaceSchema>;

// Below this, what compacting might free is noise: segment and object headers (41 bytes an object),
// commit segments and borg's 10 % threshold per segment (`borg compact --threshold`).
const NOISE_FRACTION = 0.02;
const NOISE_BYTES = 64 * 1024;

/**
 * About how many bytes `borg compact` could free: segment bytes beyond what the archives need
 * (`unique_csize` of `borg info`). Deleted and pruned archives stay in the segments until compacted;
 * undefined when the folder was not measured, 0 when the difference is only headers.
 */
export function reclaimableBytes(space: RepositorySpace, uniqueCompressedSize: number): number | undefined {
  if (space.kind !== 'measured') return undefined;
  const extra = space.segmentBytes - uniqueCompressedSize;
  return extra > Math.max(NOISE_BYTES, NOISE_FRACTION * space.segmentBytes) ? extra : 0;
}
