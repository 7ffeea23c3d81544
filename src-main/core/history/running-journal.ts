/**
 * The on-disk trace of jobs while they run (`running/<id>.json`): written when a job starts, as its
 * first log lines arrive, then at most every few seconds while its log grows and at least every few
 * seconds anyway; removed once the job's final entry is recorded. A marker
 * still there at start-up means Borgdesk stopped (was killed, crashed, lost power) while the job ran.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { JobTrigger } from '../../model/history.js';
import type { LogEntry } from '../../model/job.js';
import type { RunningJob } from '../jobs/job-manager.js';
import { writeJsonAtomic } from '../settings/json-file.js';
import {
  historyPaths,
  idOfFile,
  isLeftoverTemp,
  runningMarkerSchema,
  type RunningEntry,
  type RunningMarker,
} from './history-files.js';
import { log as coreLog } from '../logging/log.js';

/** How the journal writes. */
export interface RunningJournalOptions {
  /** The history folder. */
  readonly dir: string;
  readonly now: () => number;
  /** At most how often a running job's log so far is written once it has grown past its first lines (default 2 s). */
  readonly flushIntervalMs?: number;
  /** At least how often a marker is rewritten while its job runs, grown or not (default 5 s). */
  readonly heartbeatMs?: number;
  /** Last log lines kept in a marker. */
  readonly maxLogLines: number;
  /** Trims a log to `max` lines (the store's rule, so a marker's log reads like an entry's). */
  readonly trim: (log: readonly LogEntry[], max: number) => LogEntry[];
}

/** The default interval between writes of a running job's log. */
export const DEFAULT_FLUSH_INTERVAL_MS = 2000;
/**
 * The default longest time between two writes of a marker. Its updatedAt is the last moment the job
 * is known to have run, which History shows as an interrupted job's duration; a backup reading big
 * files logs nothing for minutes, so without this it would read "0.2 s".
 */
export const DEFAULT_HEARTBEAT_MS = 5000;
// How often the log is looked at. Its first lines (the command, an early error) tell most about a
// job that never ended, so while a marker holds fewer than EARLY_LINES they are written at once;
// after that at most once per flush interval. Either way a marker is written only when its log grew.
const POLL_MS = 200;
const EARLY_LINES = 20;

interface Tracked {
  readonly entry: RunningEntry;
  readonly log: () => readonly LogEntry[];
  timer: ReturnType<typeof setInterval> | undefined;
  chain: Promise<void>;
  seen: { length: number; last: LogEntry | undefined } | undefined;
  /** Real time (never a test's manual clock) of the last write, for the interval. */
  writtenAt: number;
}

/** Keeps one marker per running job. */
export class RunningJournal {
  private readonly tracked = new Map<string, Tracked>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: RunningJournalOptions) {}

  /** Start tracking `job`: write its marker now and keep its log so far on disk while it runs. */
  start(job: RunningJob, repoName: string, trigger: JobTrigger): void {
    const { snapshot } = job;
    const entry: RunningEntry = {
      id: snapshot.id,
      kind: snapshot.kind,
      repoId: snapshot.repoId,
      repoName,
      title: snapshot.title,
      ...(snapshot.titleWords !== undefined ? { titleWords: snapshot.titleWords } : {}),
      trigger,
      ...(snapshot.planId !== undefined ? { planId: snapshot.planId } : {}),
      startedAt: snapshot.startedAt ?? new Date(this.options.now()).toISOString(),
    };
    const tracked: Tracked = {
      entry,
      log: job.log,
      timer: undefined,
      chain: Promise.resolve(),
      seen: undefined,
      writtenAt: 0,
    };
    this.tracked.set(entry.id, tracked);
    this.flush(tracked);
    const interval = this.options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
    tracked.timer = setInterval(() => this.flush(tracked), Math.min(POLL_MS, interval));
    // A marker must never keep the process alive on its own.
    tracked.timer.unref?.();
  }

  /** Stop writing the marker of `id` (its final entry is about to be written). */
  stop(id: string): void {
    const tracked = this.tracked.get(id);
    if (tracked?.timer !== undefined) clearInterval(tracked.timer);
    if (tracked !== undefined) tracked.timer = undefined;
  }

  /** Remove the marker of `id` once any write of it under way has finished. */
  remove(id: string): Promise<void> {
    const tracked = this.tracked.get(id);
    this.stop(id);
    this.tracked.delete(id);
    const done = (tracked?.chain ?? Promise.resolve()).then(() =>
      fs.rm(historyPaths(this.options.dir).marker(id), { force: true }),
    );
    return this.track(done);
  }

  /** Resolves once every marker write and removal started so far has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private flush(tracked: Tracked): void {
    const log = tracked.log();
    const seen = { length: log.length, last: log.at(-1) };
    const previous = tracked.seen;
    const sinceWrite = Date.now() - tracked.writtenAt;
    const heartbeatDue = sinceWrite >= (this.options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
    const grown = previous === undefined || previous.length !== seen.length || previous.last !== seen.last;
    const interval = this.options.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
    const early = previous === undefined || previous.length < EARLY_LINES;
    if (!heartbeatDue && !(grown && (early || sinceWrite >= interval))) return;
    tracked.seen = seen;
    tracked.writtenAt = Date.now();
    const marker: RunningMarker = {
      version: 1,
      entry: tracked.entry,
      updatedAt: new Date(this.options.now()).toISOString(),
      log: this.options.trim(log, this.options.maxLogLines),
    };
    const file = historyPaths(this.options.dir).marker(tracked.entry.id);
    const write = tracked.chain.then(() => writeJsonAtomic(file, marker));
    tracked.chain = this.track(
      write.catch((e: unknown) => {
        coreLog.warn(`could not note running job ${tracked.entry.id} on disk`, e);
      }),
    );
  }

  private track(task: Promise<void>): Promise<void> {
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
    return task;
  }
}

/** Every marker left in `dir` by a run that stopped; unreadable ones are moved aside, never deleted. */
export async function leftoverMarkers(dir: string, now: () => number): Promise<RunningMarker[]> {
  const { running } = historyPaths(dir);
  let names: string[];
  try {
    names = await fs.readdir(running);
  } catch {
    return [];
  }
  const markers: RunningMarker[] = [];
  for (const name of names) {
    const file = path.join(running, name);
    if (isLeftoverTemp(name)) {
      await fs.rm(file, { force: true });
      continue;
    }
    const id = idOfFile(name);
    if (id === undefined) continue;
    const marker = await readMarker(file);
    if (marker !== undefined && marker.entry.id === id) {
      markers.push(marker);
      continue;
    }
    const aside = `${file}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    coreLog.warn(`running-job marker ${name} was unreadable; moved to ${aside}`);
    await fs.rename(file, aside).catch(() => undefined);
  }
  return markers;
}

async function readMarker(file: string): Promise<RunningMarker | undefined> {
  try {
    const parsed = runningMarkerSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
