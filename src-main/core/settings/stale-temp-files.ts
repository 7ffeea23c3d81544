/**
 * Start-up cleanup of the temp files writeJsonAtomic leaves behind when the app is killed between
 * creating a temp file and renaming it. Only our own temp names are touched, and only when the
 * process that wrote them is gone or the file is older than a minute (a live writer renames its
 * temp file within milliseconds).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { tempFileOwner } from './json-file.js';
import { log } from '../logging/log.js';

const STALE_AFTER_MS = 60_000;

/** Options for {@link removeStaleTempFiles}; injectable so tests need not forge process ids. */
export interface StaleTempOptions {
  readonly now?: () => number;
  readonly isAlive?: (pid: number) => boolean;
}

/** Remove stale writeJsonAtomic temp files in `dir`; returns the names removed. Never throws. */
export async function removeStaleTempFiles(dir: string, options: StaleTempOptions = {}): Promise<string[]> {
  const now = options.now ?? Date.now;
  const isAlive = options.isAlive ?? processIsAlive;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return []; // No config folder yet (first start) or unreadable: nothing of ours to clean.
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = tempFileOwner(name);
    if (pid === undefined) continue;
    const file = path.join(dir, name);
    try {
      const stat = await fs.lstat(file);
      if (!stat.isFile()) continue;
      const old = now() - stat.mtimeMs > STALE_AFTER_MS;
      if (!old && isAlive(pid)) continue;
      await fs.rm(file, { force: true });
      removed.push(name);
    } catch (e) {
      log.warn(`could not remove the leftover temp file ${file}`, e);
    }
  }
  return removed;
}

// Signal 0 checks for existence only; EPERM means the pid exists but belongs to someone else.
// Our own pid counts as gone: this runs before any store writes, so such a file is from an earlier
// run that had the same pid (common in containers).
function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}
