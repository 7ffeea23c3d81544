/**
 * `borg compact` (borg 1.2+): frees the space that prune and delete left in segment files. Before
 * 1.2 every commit compacted, so callers skip it where compactSupported() is false. `--progress`
 * streams progress_percent events (msgid "repository.compact_segments"); `--info` makes borg log
 * "compaction freed about 7.46 kB repository space." (repository.compact_segments; decimal units), see
 * __fixtures__/compact.stderr.jsonl.
 */
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';
import type { BorgLogEvent } from '../log-json.js';
import {
  BORG_1_2_CAPABILITIES,
  capabilitiesFor,
  type BorgCapabilities,
  type BorgVersion,
} from '../capabilities.js';
import { capabilitiesOf, repositoryTail } from '../command-shape.js';

/** Which repository to compact. */
export interface CompactOptions {
  location: string;
}

/** A finished compaction. */
export interface CompactOutcome {
  /** About how many bytes were freed, from borg's INFO message; undefined if borg did not say. */
  freedBytes?: number;
  warnings: readonly string[];
}

const FREED = /^compaction freed about (-?[\d.]+) ([kMGTPEZY]?)B repository space\.$/;
const POWERS: Readonly<Record<string, number>> = { '': 0, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8 };

/** True when this borg has `borg compact`. */
export function compactSupported(version: BorgVersion): boolean {
  return capabilitiesFor(version).hasCompact;
}

/** `compact --info --progress -- LOCATION`. */
export function buildCompactArgs(
  o: CompactOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  return ['compact', '--info', '--progress', ...repositoryTail(caps, o.location)];
}

/** Reads borg's "compaction freed about …" message; undefined for any other text. */
export function parseFreedBytes(message: string): number | undefined {
  const match = FREED.exec(message.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const power = POWERS[match[2] ?? ''];
  return Number.isFinite(value) && power !== undefined ? Math.round(value * 1000 ** power) : undefined;
}

/** Compacts the repository; progress arrives on ctx.onEvent. */
export async function runCompact(o: CompactOptions, ctx: BorgContext): Promise<CompactOutcome> {
  let freedBytes: number | undefined;
  const onEvent = (event: BorgLogEvent): void => {
    if (event.type === 'log_message' && event.level === 'INFO') {
      freedBytes = parseFreedBytes(event.message) ?? freedBytes;
    }
    ctx.onEvent?.(event);
  };
  // Compaction ignores SIGINT; SIGTERM stops it safely (segments are written before old ones go).
  const run = await runBorg(
    buildCompactArgs(o, capabilitiesOf(ctx)),
    { ...ctx, onEvent },
    {
      okExitCodes: [0, 1],
      killGraceMs: STOP_AT_ONCE_MS,
    },
  );
  return freedBytes === undefined ? { warnings: run.warnings } : { freedBytes, warnings: run.warnings };
}
