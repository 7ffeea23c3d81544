/**
 * A job's log: which borg events become log lines, and batching of `job:log` pushes so a chatty
 * borg run does not flood the UI with one message per line.
 */
import type { BorgLogEvent } from '../../borg/log-json.js';
import type { LogEntry } from '../../model/job.js';

const LEVELS = {
  DEBUG: 'debug',
  INFO: 'info',
  WARNING: 'warning',
  ERROR: 'error',
  CRITICAL: 'error',
} as const;

/** Options for toLogEntry. */
export interface LogEntryOptions {
  /** Log each file borg touched (off by default: a backup can touch millions). */
  readonly includeFileStatus?: boolean;
}

/** The log line for one borg event, or undefined when the event is not logged (progress, blank lines). */
export function toLogEntry(
  event: BorgLogEvent,
  time: string,
  options: LogEntryOptions = {},
): LogEntry | undefined {
  switch (event.type) {
    case 'log_message':
      return withMsgid({ time, level: LEVELS[event.level], message: event.message }, event.msgid);
    case 'question':
      // A prompt reached the log only because borg asked something; that deserves attention.
      return withMsgid({ time, level: 'warning', message: event.message }, event.msgid);
    case 'file_status':
      return options.includeFileStatus === true
        ? { time, level: 'info', message: `${event.status} ${event.path}` }
        : undefined;
    case 'raw': {
      const line = event.line.trim();
      return line === '' ? undefined : { time, level: 'info', message: line };
    }
    case 'archive_progress':
    case 'progress_percent':
    case 'progress_message':
      return undefined;
  }
}

function withMsgid(entry: LogEntry, msgid: string | undefined): LogEntry {
  return msgid === undefined ? entry : { ...entry, msgid };
}

/** A bounded list of entries: once full, the oldest are dropped. */
export class LogRing {
  private entries: LogEntry[] = [];
  private dropped = 0;

  constructor(private readonly capacity = 2000) {}

  /** Append one entry, dropping the oldest when full. */
  add(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) {
      // Drop in chunks so a long run does not shift the array on every line.
      const excess = this.entries.length - this.capacity + Math.ceil(this.capacity / 10);
      this.entries = this.entries.slice(excess);
      this.dropped += excess;
    }
  }

  /** The kept entries, oldest first; a note leads when earlier lines were dropped. */
  list(): LogEntry[] {
    if (this.dropped === 0) return [...this.entries];
    const first = this.entries[0];
    const note: LogEntry = {
      time: first?.time ?? new Date(0).toISOString(),
      level: 'info',
      message: `(${this.dropped} earlier lines not kept)`,
    };
    return [note, ...this.entries];
  }
}

/** Collects entries per key and hands them over in one batch per interval. */
export class LogBatcher {
  private readonly pending = new Map<string, LogEntry[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly deliver: (key: string, entries: LogEntry[]) => void,
    private readonly intervalMs = 250,
  ) {}

  /** Queue `entry` for `key`; delivered within one interval. */
  add(key: string, entry: LogEntry): void {
    const list = this.pending.get(key);
    if (list === undefined) this.pending.set(key, [entry]);
    else list.push(entry);
    this.timer ??= setTimeout(() => this.flushAll(), this.intervalMs);
  }

  /** Deliver everything queued for `key` now. */
  flush(key: string): void {
    const list = this.pending.get(key);
    this.pending.delete(key);
    if (list !== undefined && list.length > 0) this.deliver(key, list);
    if (this.pending.size === 0 && this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** Deliver everything queued for every key now. */
  flushAll(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const key of [...this.pending.keys()]) this.flush(key);
  }

  /** Stop the timer, dropping nothing: queued entries are delivered. */
  dispose(): void {
    this.flushAll();
  }
}
