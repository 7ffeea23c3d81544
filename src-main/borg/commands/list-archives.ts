/** `borg list --json REPO`: the repository's archives (names, ids, start times), read from the manifest only. */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, repositoryTail } from '../command-shape.js';
import { BorgError } from '../errors.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';
import { parseListOutput, type ArchiveListing } from '../json-output.js';

export type { ArchiveListing } from '../json-output.js';

/** Where to list. */
export interface ListArchivesOptions {
  location: string;
  /** Only the soft-deleted archives (`repo-list --deleted`, borg 2): what undelete can bring back. */
  deleted?: boolean;
}

/**
 * `list --json -- LOCATION` (1.x), `repo-list --json [--deleted] --repo=LOCATION` (2.x). Asking for
 * deleted archives of a borg without soft delete is refused: there every delete is final.
 */
export function buildListArchivesArgs(
  o: ListArchivesOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  if (o.deleted === true && !caps.softDelete) {
    throw new BorgError({
      code: 'InvalidArguments',
      message: `borg ${caps.version} deletes archives for good: there are no deleted archives to list.`,
      reason: 'noDeletedArchivesToList',
      params: { version: caps.version },
    });
  }
  const deleted = o.deleted === true ? ['--deleted'] : [];
  return [caps.repositoryCommands.list, '--json', ...deleted, ...repositoryTail(caps, o.location)];
}

/** Lists the archives. */
export async function runListArchives(o: ListArchivesOptions, ctx: BorgContext): Promise<ArchiveListing> {
  const run = await runBorg(buildListArchivesArgs(o, capabilitiesOf(ctx)), ctx, {
    okExitCodes: [0, 1],
    killGraceMs: STOP_AT_ONCE_MS,
  });
  return parseListOutput(run.stdout);
}
