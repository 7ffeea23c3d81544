/**
 * `borg repo-compress` (borg 2): recompresses the chunks already in a repository with another
 * compression, e.g. after changing a plan's compression. Progress comes as progress_percent events
 * (msgid "repo_compress.process_chunks", see __fixtures__/2.0.0b19/repo-compress.stderr.jsonl) on
 * ctx.onEvent; `--stats` prints "Recompression stats:" lines to stdout (repo-compress-stats.stdout.txt),
 * which the job log keeps. Every chunk is rewritten in place, one at a time, so a stop leaves a
 * repository whose chunks are partly in the old and partly in the new compression: both read fine.
 */
import type { Compression } from '../../model/compression.js';
import { BorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, repositoryTail } from '../command-shape.js';

/** Which repository, and the compression its chunks get. */
export interface RepoCompressOptions {
  readonly location: string;
  readonly compression: Compression;
}

/** A finished recompression. */
export interface RepoCompressOutcome {
  /** borg's statistics, line by line ("Size: previously 713251 -> now 375845 bytes.", …). */
  readonly stats: readonly string[];
  /** Bytes of the compressed chunks before and after, when borg said. */
  readonly sizes?: { readonly before: number; readonly after: number };
  readonly warnings: readonly string[];
}

const SIZES = /^Size: previously (\d+) -> now (\d+) bytes\.$/m;

/** `repo-compress --progress --stats --compression=C --repo=LOCATION`; only borg 2 has the command. */
export function buildRepoCompressArgs(
  o: RepoCompressOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  if (!caps.hasRepoCompress) {
    throw new BorgError({
      code: 'InvalidArguments',
      message: `borg ${caps.version} cannot recompress a repository (that is borg 2’s repo-compress).`,
      remedy: 'Use borg 2 for this repository (Settings → Path to borg).',
      reason: 'borgRecompressRepositoryBorg',
      params: { version: caps.version },
    });
  }
  return [
    'repo-compress',
    '--progress',
    '--stats',
    `--compression=${o.compression}`,
    ...repositoryTail(caps, o.location),
  ];
}

/** Reads `--stats` output: its non-empty lines and the sizes before and after. */
export function parseRecompressStats(stdout: string): Pick<RepoCompressOutcome, 'stats' | 'sizes'> {
  const stats = stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const sizes = SIZES.exec(stdout);
  return sizes ? { stats, sizes: { before: Number(sizes[1]), after: Number(sizes[2]) } } : { stats };
}

/** Recompresses the repository; progress arrives on ctx.onEvent. */
export async function runRepoCompress(
  o: RepoCompressOptions,
  ctx: BorgContext,
): Promise<RepoCompressOutcome> {
  const run = await runBorg(buildRepoCompressArgs(o, capabilitiesOf(ctx)), ctx, { okExitCodes: [0, 1] });
  return { ...parseRecompressStats(run.stdout), warnings: run.warnings };
}
