/**
 * What a repository's folder takes on disk, for the space card: the whole folder and its segment
 * files (`data/`), which hold deleted and pruned archives until `borg compact` rewrites them.
 * Only local repositories can be measured; the walk is bounded so a huge repository cannot stall.
 */
import path from 'node:path';
import type { RepositorySpace } from '../../model/space.js';
import { localRepositoryPath, measureSize, type MeasureLimits } from '../jobs/disk-full.js';

// A repository folder holds a few files per 500 MB segment: 200 000 entries is a very large one.
const LIMITS: MeasureLimits = { maxEntries: 200_000, maxMs: 5_000 };

/** The sizes of the repository folder at `location`, or why they are not known. */
export async function measureRepositorySpace(
  location: string,
  limits: MeasureLimits = LIMITS,
): Promise<RepositorySpace> {
  const folder = localRepositoryPath(location);
  if (folder === undefined)
    return {
      kind: 'unknown',
      reason: 'The repository is on another computer; its folder cannot be measured.',
    };
  const [whole, segments] = await Promise.all([
    measureSize([folder], limits),
    measureSize([path.join(folder, 'data')], limits),
  ]);
  if (!whole.complete || !segments.complete)
    return { kind: 'unknown', reason: 'The repository folder is too large to measure quickly.' };
  if (segments.bytes === 0)
    return { kind: 'unknown', reason: `${folder} has no segment files that Borgdesk can read.` };
  return { kind: 'measured', onDiskBytes: whole.bytes, segmentBytes: segments.bytes };
}
