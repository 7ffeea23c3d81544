/**
 * What a cancelled restore leaves: the files borg finished stay, and the one it was writing when it
 * was stopped is removed when it is incomplete, so no truncated file passes for a restored one.
 * `borg extract --list` names each item just before writing it, so the last name heard is the only
 * file that can be half-written. It is removed only when it is Borgdesk's to remove: in a new folder
 * everything is; elsewhere (the original location) only a file whose inode changed after the
 * restore started (borg replaced or created it), never a user's file that borg had not touched yet.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RestoreTree } from './restore-planner.js';
import { strippedPath } from './restore-paths.js';
import { errorCode } from './restore-target.js';

/** What the restore had done when it was stopped. */
export interface CancelledRestoreInput {
  readonly targetDir: string;
  /** The paths borg named (`--list`, after stripping); a Set, since a big restore names many. */
  readonly listed: ReadonlySet<string>;
  /** The last of them: the item borg was at when it was stopped. */
  readonly last: string | undefined;
  readonly tree: RestoreTree;
  /** The selection as archive paths; empty = the whole archive. */
  readonly paths: readonly string[];
  readonly stripComponents: number;
  /** True when targetDir was made for this restore (nothing in it is the user's). */
  readonly freshFolder: boolean;
  /** When borg was started (ms since the epoch). */
  readonly startedAtMs: number;
}

/** How a cancelled restore was tidied up. */
export interface CancelledRestoreOutcome {
  /** Files (not folders) borg finished. */
  readonly restoredFiles: number;
  readonly restoredBytes: number;
  /** The incomplete file borg was writing, relative to targetDir, when it was removed. */
  readonly removedPartial?: string;
  /** Set when an incomplete file had to stay (not provably Borgdesk's, or removing failed): why. */
  readonly keptPartial?: { readonly path: string; readonly reason: string };
}

// File system clocks tick coarsely: a file borg wrote right after the start may read a little earlier.
const CLOCK_SLACK_MS = 50;

/** Counts what was restored and removes the half-written file, if any. Never throws. */
export async function settleCancelledRestore(input: CancelledRestoreInput): Promise<CancelledRestoreOutcome> {
  const { listed, last } = input;
  let restoredFiles = 0;
  let restoredBytes = 0;
  let lastEntry: { readonly size: number; readonly type: string } | undefined;
  input.tree.walk(input.paths.length === 0 ? [''] : input.paths, (entry) => {
    if (entry.path === '' || entry.type === 'directory') return;
    const relative = strippedPath(entry.path, input.stripComponents);
    if (relative === undefined || !listed.has(relative)) return;
    restoredFiles++;
    restoredBytes += entry.size;
    if (relative === last) lastEntry = entry;
  });
  if (last === undefined || lastEntry?.type !== 'file') return { restoredFiles, restoredBytes };
  const target = path.join(input.targetDir, last);
  const counted = { restoredFiles: restoredFiles - 1, restoredBytes: restoredBytes - lastEntry.size };
  let stat;
  try {
    stat = await fs.lstat(target);
  } catch (e) {
    // Stopped before borg created it (or borg's "?" for an undecodable byte names no file here).
    if (errorCode(e) === 'ENOENT') return counted;
    return { ...counted, keptPartial: { path: last, reason: messageOf(e) } };
  }
  if (!stat.isFile()) return counted;
  if (stat.size === lastEntry.size) return { restoredFiles, restoredBytes };
  if (!input.freshFolder && stat.ctimeMs < input.startedAtMs - CLOCK_SLACK_MS) {
    // Untouched since before the restore: the user's own file, which borg had not replaced yet.
    return counted;
  }
  try {
    await fs.unlink(target);
    return { ...counted, removedPartial: last };
  } catch (e) {
    return { ...counted, keptPartial: { path: last, reason: messageOf(e) } };
  }
}

/** The closing line of a cancelled restore, e.g. "Cancelled — 3 files restored in /x; …". */
export function cancelledSummary(outcome: CancelledRestoreOutcome, targetDir: string): string {
  const files = outcome.restoredFiles === 1 ? '1 file' : `${outcome.restoredFiles} files`;
  const where = targetDir === '/' ? 'to their original locations' : `in ${targetDir}`;
  let text = `Cancelled — ${files} restored ${where}`;
  if (outcome.removedPartial !== undefined)
    text += `; the file being written, ${outcome.removedPartial}, was removed because it was incomplete`;
  if (outcome.keptPartial !== undefined)
    text += `; the file being written, ${outcome.keptPartial.path}, is incomplete and could not be removed (${outcome.keptPartial.reason})`;
  return `${text}.`;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
