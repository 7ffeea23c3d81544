/** `borg list --json REPO`: the repository's archives (names, ids, start times), read from the manifest only. */
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';
import { parseListOutput, type ArchiveListing } from '../json-output.js';

export type { ArchiveListing } from '../json-output.js';

/** Where to list. */
export interface ListArchivesOptions {
  location: string;
}

/** `list --json -- LOCATION`. */
export function buildListArchivesArgs(o: ListArchivesOptions): string[] {
  return ['list', '--json', '--', o.location];
}

/** Lists the archives. */
export async function runListArchives(o: ListArchivesOptions, ctx: BorgContext): Promise<ArchiveListing> {
  const run = await runBorg(buildListArchivesArgs(o), ctx, {
    okExitCodes: [0, 1],
    killGraceMs: STOP_AT_ONCE_MS,
  });
  return parseListOutput(run.stdout);
}
