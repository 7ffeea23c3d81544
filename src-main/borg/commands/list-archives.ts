/** `borg list --json REPO`: the repository's archives (names, ids, start times), read from the manifest only. */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, repositoryTail } from '../command-shape.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';
import { parseListOutput, type ArchiveListing } from '../json-output.js';

export type { ArchiveListing } from '../json-output.js';

/** Where to list. */
export interface ListArchivesOptions {
  location: string;
}

/** `list --json -- LOCATION` (1.x), `repo-list --json --repo=LOCATION` (2.x). */
export function buildListArchivesArgs(
  o: ListArchivesOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  return [caps.repositoryCommands.list, '--json', ...repositoryTail(caps, o.location)];
}

/** Lists the archives. */
export async function runListArchives(o: ListArchivesOptions, ctx: BorgContext): Promise<ArchiveListing> {
  const run = await runBorg(buildListArchivesArgs(o, capabilitiesOf(ctx)), ctx, {
    okExitCodes: [0, 1],
    killGraceMs: STOP_AT_ONCE_MS,
  });
  return parseListOutput(run.stdout);
}
