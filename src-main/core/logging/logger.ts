/**
 * The one logger of the core and both hosts. A host creates it (a rotating file for the desktop app,
 * stderr for the browser host) and hands it to the core in Services; nothing else writes to the console.
 * Lines are plain text, one per event: `2026-12-02T20:30:00.000Z WARN  message: detail`.
 */
import { inspect } from 'node:util';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Where log lines go. `detail` is an Error (its stack is kept), or any value worth showing. */
export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** Receives finished lines; a sink must not throw (logging never breaks what it reports on). */
export type LogSink = (line: string, level: LogLevel) => void;

/** The level named in `value` (e.g. BORGDESK_LOG_LEVEL), or `fallback` when it names none. */
export function parseLogLevel(value: string | undefined, fallback: LogLevel): LogLevel {
  const wanted = value?.trim().toLowerCase();
  return LOG_LEVELS.find((level) => level === wanted) ?? fallback;
}

/** The text of `detail`: an Error's stack (or message), a string as is, anything else inspected. */
export function formatDetail(detail: unknown): string {
  if (detail instanceof Error) return detail.stack ?? `${detail.name}: ${detail.message}`;
  if (typeof detail === 'string') return detail;
  return inspect(detail, { depth: 4, breakLength: Infinity });
}

/** One finished line (without the newline). */
export function formatLine(at: Date, level: LogLevel, message: string, detail?: unknown): string {
  const text = detail === undefined ? message : `${message}: ${formatDetail(detail)}`;
  return `${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${text}`;
}

export interface LoggerOptions {
  /** Lines below this level are dropped. */
  readonly level: LogLevel;
  readonly sink: LogSink;
  /** Time stamps; the system clock when absent. */
  readonly now?: () => number;
}

/** A logger that formats each line and hands it to `sink`. */
export function createLogger(options: LoggerOptions): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level);
  const now = options.now ?? Date.now;
  const write = (level: LogLevel, message: string, detail?: unknown): void => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    try {
      options.sink(formatLine(new Date(now()), level, message, detail), level);
    } catch {
      // A full disk or closed stream must not turn a log line into a crash.
    }
  };
  return {
    debug: (message, detail) => write('debug', message, detail),
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}

/** The browser host's logger (and the default for tests): lines on stderr. */
export function createStderrLogger(level: LogLevel = 'info'): Logger {
  return createLogger({ level, sink: (line) => process.stderr.write(`${line}\n`) });
}
