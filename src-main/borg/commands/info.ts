/**
 * `borg info --json REPO`: repository totals from the cache stats. With includeArchives it adds
 * `--glob-archives=*`, which makes borg 1.2 compute every archive's stats in the same run (one
 * process instead of one per archive; `--last N` costs the same but needs N).
 */
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';
import { parseInfoOutput, type RepositoryInfo } from '../json-output.js';

export type { RepositoryInfo } from '../json-output.js';

/** What to ask about. */
export interface InfoOptions {
  location: string;
  includeArchives: boolean;
}

/** `info --json [--glob-archives=*] -- LOCATION`. */
export function buildInfoArgs(o: InfoOptions): string[] {
  return ['info', '--json', ...(o.includeArchives ? ['--glob-archives=*'] : []), '--', o.location];
}

/** Reads repository stats and, when asked, every archive with its stats. */
export async function runInfo(o: InfoOptions, ctx: BorgContext): Promise<RepositoryInfo> {
  const run = await runBorg(buildInfoArgs(o), ctx, { okExitCodes: [0, 1], killGraceMs: STOP_AT_ONCE_MS });
  return parseInfoOutput(run.stdout);
}
