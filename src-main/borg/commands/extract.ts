/**
 * `borg extract`: writes archive items into the working directory (the destination). With
 * `--progress` and `--log-json` borg streams progress_percent events (msgid "extract"; info[0] is the
 * path being written; current/total are bytes) to ctx.onEvent. Exit code 1 means it finished with
 * warnings (an item it could not write, a path that matched nothing).
 *
 * Borg 1.2 cannot skip files that exist; skip-on-conflict excludes those exact archive paths through
 * an `--exclude-from` file (see exact-patterns.ts), never through thousands of arguments. Measured on
 * a 50,101-item archive: 10,021 `pf:` lines cost nothing extra; 1,003 `re:` lines made it 6.5× slower.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveTail, capabilitiesOf } from '../command-shape.js';
import { buildExactExcludeFile, selectedPathPattern } from '../exact-patterns.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';
import type { BorgLogEvent } from '../log-json.js';

/** What to restore, and where. */
export interface ExtractOptions {
  location: string;
  archiveName: string;
  /** The archive's id: borg 2 addresses it as `aid:<id>` (names repeat in a series). */
  archiveId?: string | undefined;
  /** Archive paths (folders include everything below them); empty = the whole archive. */
  paths: readonly string[];
  /** The destination folder; it must exist. */
  cwd: string;
  /** `--strip-components`: leading folders removed from every restored path. */
  stripComponents: number;
  /** exact archive paths to leave out (skip-on-conflict); a folder's contents are not left out with it */
  excludePaths?: readonly string[];
  /**
   * `--list`: each item's path (after stripping, relative to cwd) just before borg writes it, so the
   * last one named when a run is stopped is the file that may be half-written. These lines do not
   * reach ctx.onEvent (a big restore would fill the job log with them).
   */
  onItem?: (path: string) => void;
}

/** A finished extract; exitCode 1 = finished with warnings. */
export interface ExtractOutcome {
  exitCode: 0 | 1;
  warnings: readonly string[];
}

// Borg 1.2.4 logs each `--list` path as an INFO message of this logger (archiver.do_extract).
const LIST_LOGGER = 'borg.output.list';

/**
 * The argv after `borg --log-json`. Options use `--opt=value` and `--` ends them, so no path is read
 * as an option; each path goes as an explicit pattern (selectedPathPattern), so none is read as
 * another pattern style either. excludePaths only take effect through `excludeFromFile`, a file
 * runExtract writes; a dry run leaves out `--progress` (it would cost borg an extra pass over the
 * archive).
 */
export function buildExtractArgs(
  o: ExtractOptions & { dryRun?: boolean; excludeFromFile?: string },
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  return [
    'extract',
    ...(o.dryRun ? ['--dry-run', '--list'] : ['--progress', ...(o.onItem === undefined ? [] : ['--list'])]),
    ...(o.stripComponents > 0 ? [`--strip-components=${o.stripComponents}`] : []),
    ...(o.excludeFromFile === undefined ? [] : [`--exclude-from=${o.excludeFromFile}`]),
    ...archiveTail(caps, o.location, o, o.paths.map(selectedPathPattern)),
  ];
}

/** Restores into o.cwd; progress arrives on ctx.onEvent. Exit 2 and above reject with a BorgError. */
export async function runExtract(o: ExtractOptions, ctx: BorgContext): Promise<ExtractOutcome> {
  const onItem = o.onItem;
  const caps = capabilitiesOf(ctx);
  const listening: BorgContext =
    onItem === undefined
      ? ctx
      : {
          ...ctx,
          onEvent: (event) => {
            if (isListedPath(event)) {
              const listed = listedPath(event.message, caps);
              if (listed !== undefined) onItem(listed);
            } else ctx.onEvent?.(event);
          },
        };
  return withExcludeFile(o.excludePaths, async (excludeFromFile) => {
    const args = buildExtractArgs({ ...o, excludeFromFile }, capabilitiesOf(ctx));
    const run = await runBorg(args, listening, {
      okExitCodes: [0, 1],
      cwd: o.cwd,
      killGraceMs: STOP_AT_ONCE_MS,
    });
    return { exitCode: run.exitCode === 1 ? 1 : 0, warnings: run.warnings };
  });
}

/**
 * `--dry-run --list`: the archive paths extract would write, in order. These are archive paths as
 * `borg list` prints them, before stripping: the dry run runs without `--strip-components` and drops
 * what stripping would drop (paths with no more than stripComponents parts), so callers can map each
 * path to its target and back. Nothing is written and o.cwd need not exist yet (a preview runs
 * before the destination folder is made). The listed paths do not reach ctx.onEvent.
 */
export async function runExtractDryRun(o: ExtractOptions, ctx: BorgContext): Promise<string[]> {
  const paths: string[] = [];
  const caps = capabilitiesOf(ctx);
  const onEvent = (event: BorgLogEvent): void => {
    if (isListedPath(event)) {
      const listed = listedPath(event.message, caps);
      if (listed !== undefined) paths.push(listed);
    } else {
      ctx.onEvent?.(event);
    }
  };
  await withExcludeFile(o.excludePaths, async (excludeFromFile) => {
    const args = buildExtractArgs(
      { ...o, stripComponents: 0, dryRun: true, excludeFromFile },
      capabilitiesOf(ctx),
    );
    await runBorg(args, { ...ctx, onEvent }, { okExitCodes: [0, 1], killGraceMs: STOP_AT_ONCE_MS });
  });
  const strip = o.stripComponents;
  return strip > 0 ? paths.filter((p) => p.split('/').length > strip) : paths;
}

// Borg 2 marks each listed item "+ path" (extracted) or "- path" (left out, e.g. by a dry run's patterns).
function listedPath(message: string, caps: BorgCapabilities): string | undefined {
  if (!caps.extractListStatus) return message;
  if (message.startsWith('+ ')) return message.slice(2);
  return message.startsWith('- ') ? undefined : message;
}

function isListedPath(event: BorgLogEvent): event is Extract<BorgLogEvent, { type: 'log_message' }> {
  return event.type === 'log_message' && event.name === LIST_LOGGER && event.level === 'INFO';
}

// The file lives in a private temporary folder only while borg runs.
async function withExcludeFile<T>(
  excludePaths: readonly string[] | undefined,
  run: (excludeFromFile: string | undefined) => Promise<T>,
): Promise<T> {
  if (excludePaths === undefined || excludePaths.length === 0) return run(undefined);
  const dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-extract-'));
  try {
    const file = path.join(dir, 'exclude.txt');
    await writeFile(file, buildExactExcludeFile(excludePaths), { encoding: 'utf8', mode: 0o600 });
    return await run(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
