/**
 * The job history: every job that reached a final status, with its log, kept across restarts.
 * Bounded (the oldest entries roll off with their logs); writes are applied one at a time, so two
 * jobs finishing together never lose one another.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HistoryEntry, LogEntry } from '../../ipc/contract.js';
import { AppError } from '../app-error.js';
import type { FinishedJob } from '../jobs/job-manager.js';
import { JsonFile, readJsonFile, writeJsonAtomic } from '../settings/json-file.js';
import {
  historyIdSchema,
  historyIndexSchema,
  historyLogSchema,
  historyPaths,
  type HistoryIndex,
} from './history-files.js';
import { toHistoryEntry, type NewHistoryEntry } from './history-entry.js';
import { insertionIndex, pageHistory, type HistoryPage, type HistoryQuery } from './history-page.js';

/** Where the history lives and how much it keeps. */
export interface HistoryStoreOptions {
  /** The history folder (see historyDir). */
  readonly dir: string;
  /** Told about each entry once it is on disk. */
  readonly emit?: (entry: HistoryEntry) => void;
  readonly now?: () => number;
  /** Newest entries kept; older ones roll off. */
  readonly maxEntries?: number;
  /** Last log lines kept per entry. */
  readonly maxLogLines?: number;
}

/** Entries kept by default. */
export const DEFAULT_MAX_ENTRIES = 1000;
/** Log lines kept per entry by default (the job manager keeps as many). */
export const DEFAULT_MAX_LOG_LINES = 2000;

/** The persistent list of finished jobs. */
export class HistoryStore {
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    private readonly options: HistoryStoreOptions,
    private readonly index: JsonFile<HistoryIndex>,
    private entries: readonly HistoryEntry[],
  ) {}

  /** Load the index (a corrupt one is moved aside) and drop log files no entry refers to. */
  static async open(options: HistoryStoreOptions): Promise<HistoryStore> {
    const paths = historyPaths(options.dir);
    const index = new JsonFile(paths.index, historyIndexSchema, () => ({ version: 1 as const, entries: [] }));
    const loaded = await index.read();
    const store = new HistoryStore(options, index, loaded.entries);
    await store.sweepLogs(new Set(loaded.entries.map((e) => e.id)));
    return store;
  }

  /** Record a finished job; failures are logged, never thrown (a job's outcome must not depend on it). */
  record(job: FinishedJob, repoName: string): Promise<void> {
    const entry = toHistoryEntry(job, repoName, this.options.now ?? Date.now);
    if (entry === undefined) return Promise.resolve();
    return this.add(entry, job.log).then(
      () => undefined,
      (e: unknown) => console.error(`[borgdesk] could not record job ${entry.id} in the history`, e),
    );
  }

  /** Persist `entry` and its log (the last maxLogLines lines), roll off the oldest, then emit it. */
  add(entry: NewHistoryEntry, log: readonly LogEntry[]): Promise<HistoryEntry> {
    const id = historyIdSchema.safeParse(entry.id);
    if (!id.success) return Promise.reject(new AppError('InvalidInput', `Not a job id: ${entry.id}`));
    const task = this.chain.then(() => this.write(entry, log));
    // Keep the queue going after a failed write; the caller still sees the rejection.
    this.chain = task.then(
      () => undefined,
      () => undefined,
    );
    return task;
  }

  /** A page of entries, newest first. */
  list(query: HistoryQuery): HistoryPage {
    return pageHistory(this.entries, query);
  }

  /** The kept log of entry `id` (empty when its file is missing or was unreadable). */
  async log(id: string): Promise<LogEntry[]> {
    if (!this.entries.some((e) => e.id === id)) {
      throw new AppError('NotFound', 'That history entry is no longer kept.', 'Reload the history list.');
    }
    const outcome = await readJsonFile(historyPaths(this.options.dir).log(id), historyLogSchema, () => ({
      version: 1 as const,
      entries: [],
    }));
    if (outcome.kind === 'corrupt') {
      console.warn(`[borgdesk] history log ${id} was unreadable (${outcome.reason}); moved aside`);
    }
    return outcome.value.entries;
  }

  /** Resolves once every write queued so far has finished. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async write(fresh: NewHistoryEntry, log: readonly LogEntry[]): Promise<HistoryEntry> {
    const paths = historyPaths(this.options.dir);
    const kept = trimLog(log, this.options.maxLogLines ?? DEFAULT_MAX_LOG_LINES);
    const entry: HistoryEntry = { ...fresh, logLineCount: kept.length };
    // The log goes first: an entry in the index always has its log on disk.
    await writeJsonAtomic(paths.log(entry.id), { version: 1, entries: kept });
    const next = this.entries.filter((e) => e.id !== entry.id);
    next.splice(insertionIndex(next, entry), 0, entry);
    const excess = Math.max(0, next.length - (this.options.maxEntries ?? DEFAULT_MAX_ENTRIES));
    const dropped = next.splice(0, excess);
    try {
      await this.index.write({ version: 1, entries: next });
    } catch (e) {
      await fs.rm(paths.log(entry.id), { force: true });
      throw e;
    }
    this.entries = next;
    await Promise.all(dropped.map((d) => fs.rm(paths.log(d.id), { force: true })));
    if (!dropped.includes(entry)) this.options.emit?.(entry);
    return entry;
  }

  // A crash between writing a log and the index, or a corrupt index, leaves logs nobody lists.
  private async sweepLogs(known: ReadonlySet<string>): Promise<void> {
    const { logs } = historyPaths(this.options.dir);
    let names: string[];
    try {
      names = await fs.readdir(logs);
    } catch {
      return;
    }
    const stale = names.filter((name) => !(name.endsWith('.json') && known.has(name.slice(0, -5))));
    await Promise.all(stale.map((name) => fs.rm(path.join(logs, name), { force: true })));
  }
}

// Keep the newest lines; a note says that earlier ones were dropped.
function trimLog(log: readonly LogEntry[], max: number): LogEntry[] {
  if (log.length <= max) return [...log];
  const tail = log.slice(log.length - max + 1);
  const note: LogEntry = {
    time: tail[0]?.time ?? new Date(0).toISOString(),
    level: 'info',
    message: `(${log.length - tail.length} earlier lines not kept)`,
  };
  return [note, ...tail];
}
