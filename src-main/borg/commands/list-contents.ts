/**
 * `borg list --json-lines REPO::ARCHIVE`: every item of an archive, one JSON object per stdout line,
 * handed on as it arrives (an archive can hold millions of items; stdout is never held whole).
 *
 * `--format={isomtime}{size}` keeps the JSON-lines output but asks for the mtime as a ready string
 * instead of borg's default `{mtime}` object, which borg then serialises through a Python hook per
 * item: measured with borg 1.2.4 on a 50,101-item archive, 2.74 s → 2.26 s (median of 6 runs, -17%).
 * The fixed keys (type, mode, user, group, uid, gid, path, healthy, source, linktarget, flags) are
 * always printed; `isomtime` becomes `mtime` in parseArchiveItemLine.
 */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveTail, capabilitiesOf } from '../command-shape.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';
import { parseArchiveItemLine, type ArchiveItem } from '../json-output.js';

/** Which archive to list. */
export interface ListContentsOptions {
  location: string;
  archiveName: string;
  /** The archive's id: borg 2 addresses it as `aid:<id>` (names repeat in a series). */
  archiveId?: string | undefined;
}

/** `list --json-lines --format={isomtime}{size} -- LOCATION::ARCHIVE` (2.x: `--repo=LOCATION -- id:ARCHIVE`). */
export function buildListContentsArgs(
  o: ListContentsOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  return ['list', '--json-lines', '--format={isomtime}{size}', ...archiveTail(caps, o.location, o)];
}

/**
 * Streams the archive's items to onItem while borg runs. A line that is not an item is skipped and
 * counted; the count reaches ctx.onEvent as one WARNING log message at the end.
 */
export async function runListContents(
  o: ListContentsOptions,
  ctx: BorgContext,
  onItem: (item: ArchiveItem) => void,
): Promise<void> {
  let skipped = 0;
  const onStdoutLine = (line: string): void => {
    const item = parseArchiveItemLine(line);
    if (item) onItem(item);
    else skipped++;
  };
  await runBorg(buildListContentsArgs(o, capabilitiesOf(ctx)), ctx, {
    okExitCodes: [0, 1],
    onStdoutLine,
    killGraceMs: STOP_AT_ONCE_MS,
  });
  if (skipped > 0) {
    const lines = skipped === 1 ? '1 line' : `${skipped} lines`;
    ctx.onEvent?.({
      type: 'log_message',
      level: 'WARNING',
      name: 'borgdesk.list-contents',
      message: `Left out ${lines} of borg's archive listing that could not be read.`,
    });
  }
}
