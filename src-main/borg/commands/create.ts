/**
 * `borg create`: makes one archive. `--json` prints the archive's stats when done (it implies
 * `--stats`); `--progress` with `--log-json` streams archive_progress events to ctx.onEvent.
 * Exit code 1 means the archive was made but borg warned (e.g. an unreadable file).
 */
import type { ArchiveSummary } from '../../model/archive.js';
import type { Compression } from '../../model/compression.js';
import { archiveNameProblem } from '../../model/archive-name-syntax.js';
import { inputProblemEnglish } from '../../model/input-problems.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, newArchiveTail } from '../command-shape.js';
import { BorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';
import { parseCreateOutput } from '../json-output.js';

/** What to back up, and how. */
export interface CreateOptions {
  location: string;
  /** May hold borg placeholders such as {hostname} and {now}; borg expands them. */
  archiveName: string;
  sourcePaths: readonly string[];
  compression: Compression;
  excludeCaches: boolean;
  excludePatterns: readonly string[];
  /** Pattern and exclusion options already in borg's syntax (a plan's `--pattern=…`, `--one-file-system`…). */
  filterArgs?: readonly string[];
}

/** The new archive; exitCode 1 = created with warnings. */
export interface CreateOutcome {
  archive: ArchiveSummary;
  exitCode: 0 | 1;
  warnings: readonly string[];
}

/**
 * The argv after `borg --log-json`. Values use `--opt=value` and `--` ends the options, so no pattern
 * or path is read as an option. The archive is `LOCATION::NAME` (1.x) or `--repo=LOCATION -- NAME` (2.x).
 */
export function buildCreateArgs(o: CreateOptions, caps: BorgCapabilities = BORG_1_2_CAPABILITIES): string[] {
  return [
    'create',
    '--progress',
    '--json',
    `--compression=${o.compression}`,
    ...(o.excludeCaches ? ['--exclude-caches'] : []),
    ...o.excludePatterns.map((pattern) => `--exclude=${pattern}`),
    ...(o.filterArgs ?? []),
    ...newArchiveTail(caps, o.location, o.archiveName, o.sourcePaths),
  ];
}

/** Checks the archive name, then runs the backup; ctx.onEvent receives archive_progress and the other events while it runs. */
export async function runCreate(o: CreateOptions, ctx: BorgContext): Promise<CreateOutcome> {
  // Borg itself would take a too-long name and fail with a traceback only after the whole backup.
  const caps = capabilitiesOf(ctx);
  const nameProblem = archiveNameProblem(o.archiveName, undefined, caps.archiveNameRules);
  if (nameProblem !== undefined) {
    // The reason is the problem's code: the UI has words for each.
    throw new BorgError({
      code: 'InvalidArchiveName',
      message: inputProblemEnglish(nameProblem),
      remedy: 'Choose another archive name.',
      reason: nameProblem.code,
      ...(nameProblem.params === undefined ? {} : { params: { ...nameProblem.params } }),
    });
  }
  const run = await runBorg(buildCreateArgs(o, caps), ctx, { okExitCodes: [0, 1] });
  const { archive } = parseCreateOutput(run.stdout);
  return { archive, exitCode: run.exitCode === 1 ? 1 : 0, warnings: run.warnings };
}
