/**
 * Loading the history index without ever losing a job's record: `history.json` is read entry by
 * entry (a bad entry costs only itself), and every log file whose entry the index does not list
 * (an unreadable index, a crash between writing a log and the index) is put back from the entry the
 * log carries. Log files are never deleted here; the store deletes only logs that roll off the bound.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HistoryEntry } from '../../model/history.js';
import {
  historyLogSchema,
  historyPaths,
  idOfFile,
  isLeftoverTemp,
  storedEntrySchema,
} from './history-files.js';
import { insertionIndex } from './history-page.js';

/** What loading found, for the store to act on and to log. */
export interface LoadedIndex {
  /** Oldest first, each id once. */
  readonly entries: HistoryEntry[];
  /** True when `entries` differs from what `history.json` holds (the index should be rewritten). */
  readonly changed: boolean;
  /** Entries of the index that did not validate (their original is kept beside the index). */
  readonly invalid: number;
  /** Entries put back from their log files. */
  readonly recovered: number;
  /** Log files with no entry of their own (written by older versions): kept, but not listed. */
  readonly unlisted: number;
  /** Where an unreadable index (or one with invalid entries) was copied to, if it was. */
  readonly setAside?: string;
}

/** Read the index in `dir` and rebuild what it lacks from the logs. */
export async function loadHistoryIndex(dir: string, now: () => number): Promise<LoadedIndex> {
  const paths = historyPaths(dir);
  const read = await readIndexEntries(paths.index);
  let setAside: string | undefined;
  if (read.kind === 'unreadable' || read.invalid > 0) {
    setAside = `${paths.index}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    // A copy, not a move: until the rebuilt index is written, the original stays where it was.
    await fs.copyFile(paths.index, setAside);
  }
  const entries: HistoryEntry[] = [];
  for (const entry of read.entries) insertSorted(entries, entry);
  const fromLogs = await entriesFromLogs(paths.logs, new Set(entries.map((e) => e.id)));
  for (const entry of fromLogs.entries) insertSorted(entries, entry);
  return {
    entries,
    changed: read.kind === 'unreadable' || read.invalid > 0 || read.duplicates || fromLogs.entries.length > 0,
    invalid: read.invalid,
    recovered: fromLogs.entries.length,
    unlisted: fromLogs.unlisted,
    ...(setAside !== undefined ? { setAside } : {}),
  };
}

type IndexRead =
  | { kind: 'missing' | 'loaded'; entries: HistoryEntry[]; invalid: number; duplicates: boolean }
  | { kind: 'unreadable'; entries: []; invalid: 0; duplicates: false };

// Every valid entry of history.json; an unparsable file or one of an unknown shape or version is
// 'unreadable' (the logs then tell what it held).
async function readIndexEntries(file: string): Promise<IndexRead> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { kind: 'missing', entries: [], invalid: 0, duplicates: false };
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', entries: [], invalid: 0, duplicates: false };
  }
  if (!isRecord(parsed) || parsed['version'] !== 1 || !Array.isArray(parsed['entries']))
    return { kind: 'unreadable', entries: [], invalid: 0, duplicates: false };
  const byId = new Map<string, HistoryEntry>();
  let invalid = 0;
  let count = 0;
  for (const raw of parsed['entries'] as unknown[]) {
    const entry = storedEntrySchema.safeParse(raw);
    if (!entry.success) {
      invalid += 1;
      continue;
    }
    count += 1;
    byId.set(entry.data.id, entry.data);
  }
  return { kind: 'loaded', entries: [...byId.values()], invalid, duplicates: byId.size !== count };
}

// The entries carried by log files the index does not list. Files that cannot be read, or carry no
// entry, are left exactly as they are; only temp files of interrupted writes are removed.
async function entriesFromLogs(
  logs: string,
  known: ReadonlySet<string>,
): Promise<{ entries: HistoryEntry[]; unlisted: number }> {
  let names: string[];
  try {
    names = await fs.readdir(logs);
  } catch {
    return { entries: [], unlisted: 0 };
  }
  const entries: HistoryEntry[] = [];
  let unlisted = 0;
  for (const name of names) {
    if (isLeftoverTemp(name)) {
      await fs.rm(path.join(logs, name), { force: true });
      continue;
    }
    const id = idOfFile(name);
    if (id === undefined || known.has(id)) continue;
    const entry = await entryOfLog(path.join(logs, name), id);
    if (entry === undefined) unlisted += 1;
    else entries.push(entry);
  }
  return { entries, unlisted };
}

async function entryOfLog(file: string, id: string): Promise<HistoryEntry | undefined> {
  try {
    const log = historyLogSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    if (!log.success || log.data.entry === undefined || log.data.entry.id !== id) return undefined;
    return { ...log.data.entry, logLineCount: log.data.entries.length };
  } catch {
    return undefined;
  }
}

function insertSorted(entries: HistoryEntry[], entry: HistoryEntry): void {
  entries.splice(insertionIndex(entries, entry), 0, entry);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
