/**
 * `borg info --json REPO`: repository totals from the cache stats. With includeArchives it adds
 * `--glob-archives=*`, which makes borg 1.2 compute every archive's stats in the same run (one
 * process instead of one per archive; `--last N` costs the same but needs N).
 */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveGlobOption, capabilitiesOf, repositoryTail } from '../command-shape.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';
import { parseInfoOutput, type RepositoryInfo } from '../json-output.js';

export type { RepositoryInfo } from '../json-output.js';

/** What to ask about. */
export interface InfoOptions {
  location: string;
  includeArchives: boolean;
}

/**
 * `info --json [--glob-archives=*] -- LOCATION` (1.x). Borg 2 splits it: `repo-info --json
 * --repo=LOCATION` for the repository (no totals: it keeps no cache stats), `info --json
 * --match-archives=sh:* --repo=LOCATION` for the archives (see buildArchivesInfoArgs).
 */
export function buildInfoArgs(o: InfoOptions, caps: BorgCapabilities = BORG_1_2_CAPABILITIES): string[] {
  const archives = o.includeArchives && !caps.usesRepoCreate ? [archiveGlobOption(caps, '*')] : [];
  return [caps.repositoryCommands.info, '--json', ...archives, ...repositoryTail(caps, o.location)];
}

/** Borg 2 only: every archive with its stats, `info --json --match-archives=sh:* --repo=LOCATION`. */
export function buildArchivesInfoArgs(o: { location: string }, caps: BorgCapabilities): string[] {
  return ['info', '--json', archiveGlobOption(caps, '*'), ...repositoryTail(caps, o.location)];
}

/** Reads repository stats and, when asked, every archive with its stats. */
export async function runInfo(o: InfoOptions, ctx: BorgContext): Promise<RepositoryInfo> {
  const caps = capabilitiesOf(ctx);
  const options = { okExitCodes: [0, 1], killGraceMs: STOP_AT_ONCE_MS } as const;
  const run = await runBorg(buildInfoArgs(o, caps), ctx, options);
  const info = parseInfoOutput(run.stdout);
  if (!o.includeArchives || !caps.usesRepoCreate) return info;
  const archives = await runBorg(buildArchivesInfoArgs(o, caps), ctx, options);
  return { ...info, archives: parseInfoOutput(archives.stdout).archives };
}
