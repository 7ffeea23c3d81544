/**
 * The job history: every job that reached a final status, with its log, kept across restarts.
 * Bounded (the oldest entries roll off with their logs); writes are applied one at a time, so two
 * jobs finishing together never lose one another. Each log file carries its entry, so an unreadable
 * index is rebuilt from the logs; a job that was running when Borgdesk stopped is recorded as
 * interrupted at the next start (see running-journal.ts).
 */
import { storedSizesByArchive } from './stored-sizes.js';
import { promises as fs } from 'node:fs';
import type { HistoryEntry } from '../../model/history.js';
import type { LogEntry } from '../../model/job.js';
import { AppError } from '../app-error.js';
import type { FinishedJob, RunningJob } from '../jobs/job-manager.js';
import { readJsonFile, writeJsonAtomic } from '../settings/json-file.js';
import { removeStaleTempFiles } from '../settings/stale-temp-files.js';
import {
  historyIdSchema,
  historyLogSchema,
  historyPaths,
  type HistoryIndex,
  type HistoryLog,
} from './history-files.js';
import { interruptedEntry, toHistoryEntry, type NewHistoryEntry } from './history-entry.js';
import { loadHistoryIndex, type LoadedIndex } from './history-index.js';
import { insertionIndex, pageHistory, type HistoryPage, type HistoryQuery } from './history-page.js';
import { leftoverMarkers, RunningJournal } from './running-journal.js';
import { log as coreLog } from '../logging/log.js';

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
  /** How often a running job's log so far is written (see running-journal.ts). */
  readonly flushIntervalMs?: number;
  /** At least how often a running job's marker is rewritten (see running-journal.ts). */
  readonly heartbeatMs?: number;
}

/** Entries kept by default. */
export const DEFAULT_MAX_ENTRIES = 1000;
/** Log lines kept per entry by default (the job manager keeps as many). */
export const DEFAULT_MAX_LOG_LINES = 2000;

/** The persistent list of finished jobs. */
export class HistoryStore {
  private chain: Promise<void> = Promise.resolve();
  private readonly recording = new Set<Promise<void>>();
  private readonly journal: RunningJournal;

  private constructor(
    private readonly options: HistoryStoreOptions,
    private entries: readonly HistoryEntry[],
  ) {
    this.journal = new RunningJournal({
      dir: options.dir,
      now: this.now,
      maxLogLines: this.maxLogLines,
      trim: trimLog,
      ...(options.flushIntervalMs !== undefined ? { flushIntervalMs: options.flushIntervalMs } : {}),
      ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
    });
  }

  /**
   * Load the index entry by entry, put back entries only their log files still name, and record the
   * jobs that were running when Borgdesk last stopped as interrupted. Never deletes a log because
   * the index could not be read.
   */
  static async open(options: HistoryStoreOptions): Promise<HistoryStore> {
    // Temp files of a run killed mid-write; before any write of ours, so none of them is live.
    const paths = historyPaths(options.dir);
    await Promise.all([options.dir, paths.logs, paths.running].map((dir) => removeStaleTempFiles(dir)));
    const loaded = await loadHistoryIndex(options.dir, options.now ?? Date.now);
    reportLoad(options.dir, loaded);
    const store = new HistoryStore(options, loaded.entries);
    if (loaded.changed || loaded.entries.length > store.maxEntries)
      await store.enqueue(() => store.rewrite());
    await store.recordInterrupted();
    return store;
  }

  /** Note a job that just started on disk, so it is not lost if Borgdesk stops before it ends. */
  started(job: RunningJob, repoName: string): void {
    if (!historyIdSchema.safeParse(job.snapshot.id).success) return;
    this.journal.start(job, repoName, job.trigger);
  }

  /** Record a finished job; failures are logged, never thrown (a job's outcome must not depend on it). */
  record(job: FinishedJob, repoName: string): Promise<void> {
    const id = job.snapshot.id;
    this.journal.stop(id);
    const entry = toHistoryEntry(job, repoName, this.now);
    if (entry === undefined) return this.journal.remove(id);
    const recorded = this.add(entry, job.log).then(
      // Only once the final entry is on disk may the running marker go.
      () => this.journal.remove(id),
      (e: unknown) => coreLog.error(`could not record job ${entry.id} in the history`, e),
    );
    this.recording.add(recorded);
    void recorded.finally(() => this.recording.delete(recorded));
    return recorded;
  }

  /** Persist `entry` and its log (the last maxLogLines lines), roll off the oldest, then emit it. */
  add(entry: NewHistoryEntry, log: readonly LogEntry[]): Promise<HistoryEntry> {
    const id = historyIdSchema.safeParse(entry.id);
    if (!id.success)
      return Promise.reject(
        new AppError('InvalidInput', `Not a job id: ${entry.id}`, undefined, {
          reason: 'jobId',
          params: { id: entry.id },
        }),
      );
    return this.enqueue(() => this.write(entry, log));
  }

  /** The stored size of repository `repoId` after each backup kept here, by archive name. */
  storedSizes(repoId: string): Map<string, number> {
    return storedSizesByArchive(this.entries, repoId);
  }

  /** A page of entries, newest first. */
  list(query: HistoryQuery): HistoryPage {
    return pageHistory(this.entries, query);
  }

  /** The kept log of entry `id` (empty when its file is missing or was unreadable). */
  async log(id: string): Promise<LogEntry[]> {
    if (!this.entries.some((e) => e.id === id)) {
      throw new AppError('NotFound', 'That history entry is no longer kept.', 'Reload the history list.', {
        reason: 'historyEntryLongerKept',
      });
    }
    const outcome = await readJsonFile(historyPaths(this.options.dir).log(id), historyLogSchema, () => ({
      version: 1 as const,
      entries: [],
    }));
    if (outcome.kind === 'corrupt') {
      coreLog.warn(`history log ${id} was unreadable (${outcome.reason}); moved aside`);
    }
    return outcome.value.entries;
  }

  /** Resolves once every write queued so far (entries and running markers) has finished. */
  async idle(): Promise<void> {
    await this.chain;
    // A recorded job's marker is removed after its entry is written; wait for that too.
    await Promise.all([...this.recording]);
    await this.journal.idle();
  }

  private get now(): () => number {
    return this.options.now ?? Date.now;
  }

  private get maxEntries(): number {
    return this.options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  private get maxLogLines(): number {
    return this.options.maxLogLines ?? DEFAULT_MAX_LOG_LINES;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const task = this.chain.then(work);
    // Keep the queue going after a failed write; the caller still sees the rejection.
    this.chain = task.then(
      () => undefined,
      () => undefined,
    );
    return task;
  }

  private async write(fresh: NewHistoryEntry, log: readonly LogEntry[]): Promise<HistoryEntry> {
    const paths = historyPaths(this.options.dir);
    const kept = trimLog(log, this.maxLogLines);
    const entry: HistoryEntry = { ...fresh, logLineCount: kept.length };
    // The log, carrying its entry, goes first: if the index write then fails, the next start still
    // finds the entry in its log and puts it back.
    const file: HistoryLog = { version: 1, entries: kept, entry };
    await writeJsonAtomic(paths.log(entry.id), file);
    const next = this.entries.filter((e) => e.id !== entry.id);
    next.splice(insertionIndex(next, entry), 0, entry);
    const dropped = await this.commit(next);
    if (!dropped.includes(entry)) this.options.emit?.(entry);
    return entry;
  }

  // The index as loaded (rebuilt or cut to the bound) written back.
  private async rewrite(): Promise<void> {
    await this.commit([...this.entries]);
  }

  // Cut `next` to the bound, write the index, then delete the logs of the entries that rolled off —
  // the only reason a log is ever deleted. Memory changes only once the index is on disk.
  private async commit(next: HistoryEntry[]): Promise<HistoryEntry[]> {
    const dropped = next.splice(0, Math.max(0, next.length - this.maxEntries));
    const index: HistoryIndex = { version: 1, entries: next };
    await writeJsonAtomic(historyPaths(this.options.dir).index, index);
    this.entries = next;
    const paths = historyPaths(this.options.dir);
    await Promise.all(dropped.map((d) => fs.rm(paths.log(d.id), { force: true })));
    return dropped;
  }

  // Markers left by a run that stopped become "interrupted" entries (unless the job's final entry
  // made it to disk before the stop, when only the marker is left to remove).
  private async recordInterrupted(): Promise<void> {
    const paths = historyPaths(this.options.dir);
    for (const marker of await leftoverMarkers(this.options.dir, this.now)) {
      const id = marker.entry.id;
      if (!this.entries.some((e) => e.id === id)) {
        const { entry, log } = interruptedEntry(marker);
        try {
          await this.add(entry, log);
        } catch (e) {
          // Keep the marker: the next start tries again.
          coreLog.error(`could not record interrupted job ${id} in the history`, e);
          continue;
        }
        coreLog.warn(`job ${id} (${entry.title}) was running when Borgdesk stopped; recorded as interrupted`);
      }
      await fs.rm(paths.marker(id), { force: true });
    }
  }
}

function reportLoad(dir: string, loaded: LoadedIndex): void {
  const notes: string[] = [];
  if (loaded.setAside !== undefined)
    notes.push(`the index was unreadable or held bad entries (original copied to ${loaded.setAside})`);
  if (loaded.invalid > 0) notes.push(`${loaded.invalid} invalid entries skipped`);
  if (loaded.recovered > 0) notes.push(`${loaded.recovered} entries put back from their logs`);
  if (loaded.unlisted > 0)
    notes.push(`${loaded.unlisted} older log files without an entry kept but not listed`);
  if (notes.length > 0) coreLog.warn(`history in ${dir}: ${notes.join('; ')}`);
}

/** Keep the newest `max` lines; a note says that earlier ones were dropped. */
export function trimLog(log: readonly LogEntry[], max: number): LogEntry[] {
  if (log.length <= max) return [...log];
  const tail = log.slice(log.length - max + 1);
  const note: LogEntry = {
    time: tail[0]?.time ?? new Date(0).toISOString(),
    level: 'info',
    message: `(${log.length - tail.length} earlier lines not kept)`,
  };
  return [note, ...tail];
}
