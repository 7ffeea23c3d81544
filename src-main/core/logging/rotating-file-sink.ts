/**
 * The desktop app's log file: `borgdesk.log` in the platform's log folder, rotated by size so it never
 * grows without bound (`borgdesk.log` → `.1` → `.2`, the oldest dropped). Writes are synchronous on
 * purpose: the last line before a crash is the one people need to send us.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LogSink } from './logger.js';

export const LOG_FILE_NAME = 'borgdesk.log';

export interface RotatingFileOptions {
  readonly dir: string;
  /** Rotate once the current file reaches this size (1 MiB when absent). */
  readonly maxBytes?: number;
  /** How many rotated files to keep beside the current one (3 when absent). */
  readonly keep?: number;
}

/** A sink appending to `<dir>/borgdesk.log` with size-based rotation. */
export function createRotatingFileSink(options: RotatingFileOptions): LogSink {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const file = path.join(options.dir, LOG_FILE_NAME);
  let size: number | undefined;
  const rotate = (): void => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(`${file}.${n}`, `${file}.${n + 1}`);
      } catch {
        // That generation does not exist yet.
      }
    }
    renameSync(file, `${file}.1`);
    size = 0;
  };
  return (line) => {
    if (size === undefined) {
      mkdirSync(options.dir, { recursive: true, mode: 0o700 });
      try {
        size = statSync(file).size;
      } catch {
        size = 0;
      }
    }
    const bytes = Buffer.byteLength(line) + 1;
    if (size > 0 && size + bytes > maxBytes) rotate();
    appendFileSync(file, `${line}\n`, { mode: 0o600 });
    size += bytes;
  };
}
