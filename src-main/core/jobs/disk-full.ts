/**
 * A full disk, in numbers: when a backup fails with DiskFull, the message says how much is free on
 * the disk that ran full and how much the backup may need (the size of its folders before
 * compression and deduplication: borg needs at most that much, usually far less). Borg removes the
 * unfinished transaction after ENOSPC, so "free now" can be more than what was free when it failed.
 */
import { lstat, opendir, statfs } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { BorgError, isBorgError } from '../../borg/errors.js';
import { formatBytes } from './job-summary.js';

/** Where a backup wrote and what it read. */
export interface BackupTarget {
  readonly location: string;
  readonly sourcePaths: readonly string[];
}

/** Limits of the walk that sums the folders' size, so a huge tree cannot delay the error. */
export interface MeasureLimits {
  readonly maxEntries: number;
  readonly maxMs: number;
}

const DEFAULT_LIMITS: MeasureLimits = { maxEntries: 200_000, maxMs: 3_000 };

/** `error` with the free space and the amount needed added when it is a DiskFull; else `error` itself. */
export async function explainDiskFull(
  error: unknown,
  target: BackupTarget,
  env: Readonly<NodeJS.ProcessEnv>,
  limits: MeasureLimits = DEFAULT_LIMITS,
): Promise<unknown> {
  if (!isBorgError(error) || error.code !== 'DiskFull') return error;
  const dir = error.fullDisk === 'cache' ? borgCacheDir(env) : localRepositoryPath(target.location);
  const space = dir === undefined ? undefined : await freeSpace(dir);
  const needed = await measureSize(target.sourcePaths, limits);
  const parts: string[] = [];
  if (space !== undefined && dir !== undefined) {
    parts.push(`${dir} has ${formatBytes(space.free)} free of ${formatBytes(space.total)} now`);
  }
  if (needed.bytes > 0) {
    const amount = `${needed.complete ? 'up to' : 'more than'} ${formatBytes(needed.bytes)}`;
    parts.push(`this backup may need ${amount} (its folders before compression and deduplication)`);
  }
  if (parts.length === 0) return error;
  const message = `${error.message} ${capitalize(parts.join('; '))}.`;
  return new BorgError({
    code: error.code,
    message,
    ...(error.remedy === undefined ? {} : { remedy: error.remedy }),
    ...(error.msgid === undefined ? {} : { msgid: error.msgid }),
    ...(error.rc === undefined ? {} : { rc: error.rc }),
    ...(error.fullDisk === undefined ? {} : { fullDisk: error.fullDisk }),
  });
}

/** The folder of a local repository location; undefined for ssh:// and host:path locations. */
export function localRepositoryPath(location: string): string | undefined {
  if (location.startsWith('file://')) return location.slice('file://'.length);
  return path.isAbsolute(location) ? location : undefined;
}

/** Where borg keeps its cache (borg's rules: BORG_CACHE_DIR, BORG_BASE_DIR, XDG_CACHE_HOME, ~/.cache). */
export function borgCacheDir(env: Readonly<NodeJS.ProcessEnv>): string {
  if (env.BORG_CACHE_DIR) return env.BORG_CACHE_DIR;
  if (env.BORG_BASE_DIR) return path.join(env.BORG_BASE_DIR, '.cache', 'borg');
  return path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'borg');
}

/** Free and total bytes of the file system holding `dir` (or its nearest existing parent). */
export async function freeSpace(dir: string): Promise<{ free: number; total: number } | undefined> {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    try {
      const fs = await statfs(at);
      return { free: fs.bavail * fs.bsize, total: fs.blocks * fs.bsize };
    } catch {
      if (path.dirname(at) === at) return undefined;
    }
  }
}

/** The size of the files under `paths` (symlinks not followed); complete is false when a limit cut the walk. */
export async function measureSize(
  paths: readonly string[],
  limits: MeasureLimits,
): Promise<{ bytes: number; complete: boolean }> {
  const stopAt = performance.now() + limits.maxMs;
  let bytes = 0;
  let entries = 0;
  let complete = true;
  const pending = [...paths];
  while (pending.length > 0 && complete) {
    const current = pending.pop() as string;
    entries++;
    const info = await lstat(current).catch(() => undefined);
    if (info?.isFile()) bytes += info.size;
    if (info?.isDirectory()) {
      const dir = await opendir(current).catch(() => undefined);
      for await (const entry of dir ?? []) {
        pending.push(path.join(current, entry.name));
        // Breaking out of the loop closes the directory handle.
        if (entries + pending.length > limits.maxEntries) break;
      }
    }
    complete = entries + pending.length <= limits.maxEntries && performance.now() <= stopAt;
  }
  return { bytes, complete };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
