/**
 * `borg diff --json-lines REPO::A B`: one JSON object per changed path, streamed. Borg 1.2.4 prints
 * `{"path": ..., "changes": [{"type": ...}, ...]}` with change types added, removed, modified,
 * "added directory", "removed directory", "added link", "removed link", "changed link", mode, owner,
 * and (not in the docs) ctime and mtime; keys are borg's snake_case (old_mode, new_user, ...). A
 * user with no name is null. A metadata-only change can come with a {"type": "modified", "added": 0,
 * "removed": 0} entry (see __fixtures__/diff.stdout.jsonl). The docs' example nests a whole item
 * inside `changes`; such entries are flattened.
 */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveTail, capabilitiesOf, otherArchive } from '../command-shape.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';

/** One changed path: borg's change objects as printed (each has a string `type`). */
export interface DiffLine {
  path: string;
  changes: readonly Record<string, unknown>[];
}

/** Which archives to compare (B is in the same repository as A). */
export interface DiffOptions {
  location: string;
  archiveA: string;
  archiveB: string;
  /** The archives' ids: borg 2 addresses them as `aid:<id>` (names repeat in a series). */
  archiveIdA?: string | undefined;
  archiveIdB?: string | undefined;
}

/** `diff --json-lines -- LOCATION::A B`. */
export function buildDiffArgs(o: DiffOptions, caps: BorgCapabilities = BORG_1_2_CAPABILITIES): string[] {
  return [
    'diff',
    '--json-lines',
    ...archiveTail(caps, o.location, { archiveName: o.archiveA, archiveId: o.archiveIdA }, [
      otherArchive(caps, { archiveName: o.archiveB, archiveId: o.archiveIdB }),
    ]),
  ];
}

/** Parses one diff line; undefined for a line that is not a changed path with at least one change. */
export function parseDiffLine(line: string): DiffLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || typeof value.path !== 'string' || !Array.isArray(value.changes)) return undefined;
  const changes = flattenChanges(value.changes);
  return changes.length > 0 ? { path: value.path, changes } : undefined;
}

/**
 * Streams the differences to onItem while borg runs. Unreadable lines are skipped and counted; the
 * count reaches ctx.onEvent as one WARNING log message at the end.
 */
export async function runDiff(
  o: DiffOptions,
  ctx: BorgContext,
  onItem: (item: DiffLine) => void,
): Promise<void> {
  let skipped = 0;
  const onStdoutLine = (line: string): void => {
    const item = parseDiffLine(line);
    if (item) onItem(item);
    else skipped++;
  };
  await runBorg(buildDiffArgs(o, capabilitiesOf(ctx)), ctx, {
    okExitCodes: [0, 1],
    onStdoutLine,
    killGraceMs: STOP_AT_ONCE_MS,
  });
  if (skipped > 0) {
    const lines = skipped === 1 ? '1 line' : `${skipped} lines`;
    ctx.onEvent?.({
      type: 'log_message',
      level: 'WARNING',
      name: 'borgdesk.diff',
      message: `Left out ${lines} of borg's comparison that could not be read.`,
    });
  }
}

function flattenChanges(changes: readonly unknown[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const change of changes) {
    if (!isRecord(change)) continue;
    if (typeof change.type === 'string') out.push(borg1Shape(change));
    else if (Array.isArray(change.changes)) out.push(...flattenChanges(change.changes));
  }
  return out;
}

/**
 * Borg 2 names a mode change "changed mode", gives every before/after pair as item1/item2 and an
 * added or removed file's bytes as added/removed; the
 * 1.x shape (`mode` with old_mode/new_mode, old_mtime/new_mtime, …) is what the rest of Borgdesk reads.
 */
function borg1Shape(change: Record<string, unknown>): Record<string, unknown> {
  // Borg 2's added/removed files carry byte counts ("added": 6, "removed": 0) instead of a size.
  if ((change.type === 'added' || change.type === 'removed') && change.size === undefined) {
    const bytes = change.type === 'added' ? change.added : change.removed;
    if (typeof bytes === 'number') return { type: change.type, size: bytes };
  }
  if (!('item1' in change) && !('item2' in change)) return change;
  const { item1, item2, type, ...rest } = change;
  const kind = type === 'changed mode' ? 'mode' : String(type);
  if (!/^[a-z]+$/.test(kind)) return change;
  return { ...rest, type: kind, [`old_${kind}`]: item1, [`new_${kind}`]: item2 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
