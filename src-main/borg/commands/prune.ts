/**
 * `borg prune --list`: deletes the archives a retention policy does not keep, limited by
 * `--glob-archives` to one plan's archives (a glob that could match every archive is refused before
 * borg runs). With `--log-json`, borg 1.2.4 logs each archive it considered as an INFO message of
 * logger `borg.output.list` (archiver.do_prune): `"{action:<40} {name:<36} {Day, YYYY-MM-DD HH:MM:SS}
 * [{id}]"` where action is "Keeping archive (rule: daily #1):", "Keeping checkpoint archive:",
 * "Would prune:" (dry run) or "Pruning archive (1/3):" (see __fixtures__/prune*.stderr.jsonl).
 * Borg 1.4 and 2.0 widen the action column to 44 and borg 2 adds the zone to the date, so names are
 * taken by archive id from the listing made just before pruning; the columns are only a fallback.
 */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveGlobOption, capabilitiesOf, repositoryTail } from '../command-shape.js';
import { BorgError } from '../errors.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';
import type { BorgLogEvent } from '../log-json.js';
import { runListArchives } from './list-archives.js';

/** Which archives to consider and which rules keep them. */
export interface PruneOptions {
  location: string;
  /** One plan's archives, e.g. "docs-*" (archiveGlob(plan)); "" and globs starting with a wildcard are refused. */
  glob: string;
  /** `--keep-*` arguments as pruneKeepArgs returns them (`['--keep-daily', '7']`) or as `--keep-daily=7`. */
  keep: readonly string[];
  /** List what would be deleted and delete nothing. */
  dryRun: boolean;
}

/** Archive names in borg's order (newest first). */
export interface PruneOutcome {
  kept: string[];
  /** Pruned by the real run, or what a dry run would prune. */
  pruned: string[];
  warnings: readonly string[];
}

/** One `--list` line of prune. */
export interface PruneListEntry {
  action: 'keep' | 'prune';
  name: string;
  /** The 64-hex archive id. */
  id: string;
  /** Why it was kept, e.g. "daily #1", "weekly[oldest] #1" or "checkpoint". */
  rule?: string;
}

const LIST_LOGGER = 'borg.output.list';
const KEEP_FLAGS = new Set([
  '--keep-within',
  '--keep-last',
  '--keep-secondly',
  '--keep-minutely',
  '--keep-hourly',
  '--keep-daily',
  '--keep-weekly',
  '--keep-monthly',
  '--keep-yearly',
]);
// helpers/parseformat.py format_archive: '%-36s %s [%s]' with format_time '%a, %Y-%m-%d %H:%M:%S'.
// Borg 2 appends the zone ("+0000") to the time.
const ARCHIVE_TAIL = / [^\s,]+, \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?: [+-]\d{4})? \[([0-9a-f]{64})\]$/;
const NAME_COLUMN = 36;
const ACTION_COLUMN = 40;
const ACTION =
  /^(?:Keeping archive \(rule: (.+?) #(\d+)\):|(Keeping checkpoint archive:)|Would prune:|Pruning archive \(\d+\/\d+\):)/;

/**
 * The argv after `borg --log-json`; throws InvalidArguments for an unlimited glob or bad keep rules.
 * Borg 2 selects the plan's archives with `--match-archives=sh:GLOB` and takes `--repo=LOCATION`.
 */
export function buildPruneArgs(o: PruneOptions, caps: BorgCapabilities = BORG_1_2_CAPABILITIES): string[] {
  checkGlob(o.glob);
  return [
    'prune',
    '--list',
    ...(o.dryRun ? ['--dry-run'] : ['--progress']),
    archiveGlobOption(caps, o.glob),
    ...normalizeKeepArgs(o.keep),
    ...repositoryTail(caps, o.location),
  ];
}

/** Runs prune (or its dry run); ctx.onEvent receives every event, list lines included. */
export async function runPrune(o: PruneOptions, ctx: BorgContext): Promise<PruneOutcome> {
  const args = buildPruneArgs(o, capabilitiesOf(ctx));
  const kept: string[] = [];
  const pruned: string[] = [];
  // Read from the manifest only (no lock held afterwards); its events stay out of the prune's log.
  const { onEvent: forward, ...quiet } = ctx;
  const listing = await runListArchives({ location: o.location }, quiet);
  const namesById = new Map(listing.archives.map((a) => [a.id, a.name]));
  const onEvent = (event: BorgLogEvent): void => {
    if (event.type === 'log_message' && event.name === LIST_LOGGER) {
      const entry = parsePruneListLine(event.message, namesById);
      if (entry) (entry.action === 'keep' ? kept : pruned).push(entry.name);
    }
    forward?.(event);
  };
  // A real prune stops cleanly at the next archive on SIGINT (it checkpoints, archiver.maybe_checkpoint);
  // a dry run never looks at SIGINT.
  const stop = o.dryRun ? { killGraceMs: STOP_AT_ONCE_MS } : {};
  const run = await runBorg(args, { ...ctx, onEvent }, { okExitCodes: [0, 1], ...stop });
  return { kept, pruned, warnings: run.warnings };
}

/**
 * Reads one `borg.output.list` message of prune; undefined for anything else. With `namesById` (id →
 * name of the repository's archives) the name is exact whatever the column widths.
 */
export function parsePruneListLine(
  message: string,
  namesById?: ReadonlyMap<string, string>,
): PruneListEntry | undefined {
  const action = ACTION.exec(message);
  const tail = ARCHIVE_TAIL.exec(message);
  if (!action || !tail?.[1]) return undefined;
  const id = tail[1];
  const name = namesById?.get(id) ?? nameFromColumns(message, action[0].length, tail.index);
  if (name === '') return undefined;
  if (action[1] !== undefined) return { action: 'keep', name, id, rule: `${action[1]} #${action[2] ?? ''}` };
  if (action[3] !== undefined) return { action: 'keep', name, id, rule: 'checkpoint' };
  return { action: 'prune', name, id };
}

// Borg 1.2's layout: the action padded to 40 columns, one space, the name padded to 36. A wider
// action column (1.4, 2.0) leaves spaces in front: the field is then trimmed, so a name with spaces
// at either end is only exact through the listing by id.
function nameFromColumns(message: string, actionEnd: number, tailStart: number): string {
  // The action is padded to 40 columns and followed by one space; a longer action is not padded.
  const nameStart = Math.max(ACTION_COLUMN, actionEnd) + 1;
  const padding = message.slice(actionEnd, nameStart);
  const field = /^ *$/.test(padding)
    ? message.slice(nameStart, tailStart)
    : message.slice(actionEnd, tailStart).trimStart();
  if (field.length > NAME_COLUMN && field.startsWith(' ')) return field.trim();
  // Names shorter than 36 characters are padded with spaces; longer ones are printed as they are.
  return field.length === NAME_COLUMN ? field.trimEnd() : field;
}

function checkGlob(glob: string): void {
  const trimmed = glob.trim();
  if (trimmed === '' || /^[*?[]/.test(trimmed)) {
    throw new BorgError({
      code: 'InvalidArguments',
      message: `Pruning needs an archive pattern limited to one plan, such as "docs-*"; "${glob}" could match every archive.`,
      remedy: "Prune from a plan, whose archive prefix limits it to that plan's archives.",
      reason: 'pruningNeedsArchivePattern',
      params: { glob },
    });
  }
}

// `--keep-daily=7` form, so a value can never be read as an option; unknown flags are refused.
function normalizeKeepArgs(keep: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < keep.length; i++) {
    const token = keep[i] ?? '';
    const eq = token.indexOf('=');
    const flag = eq < 0 ? token : token.slice(0, eq);
    const value = eq < 0 ? keep[++i] : token.slice(eq + 1);
    const valid = flag === '--keep-within' ? /^\d+[Hdwmy]$/ : /^\d+$/;
    if (!KEEP_FLAGS.has(flag) || value === undefined || !valid.test(value)) {
      throw new BorgError({
        code: 'InvalidArguments',
        message: `The retention rule "${eq < 0 ? `${token} ${value ?? ''}`.trim() : token}" is not valid.`,
        remedy: 'Choose the retention rules again in the plan.',
      });
    }
    out.push(`${flag}=${value}`);
  }
  if (out.length === 0) {
    throw new BorgError({
      code: 'InvalidArguments',
      message: 'Pruning needs at least one retention rule.',
      remedy: 'Choose how many archives to keep in the plan.',
      reason: 'pruningNeedsLeastRetention',
    });
  }
  return out;
}
