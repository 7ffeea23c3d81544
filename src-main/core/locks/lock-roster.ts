/**
 * Reads who holds a local repository's lock the way borg writes it. Borg 1.2/1.4 (borg/locking.py):
 * the folder `<repo>/lock.exclusive/` holds one empty file per holder named `fqdn@node.pid-thread`
 * (hex thread), and `<repo>/lock.roster` is JSON `{"exclusive": [[hostId, pid, thread]], "shared":
 * [...]}`; borg 2's store keeps one JSON file per lock in `<repo>/locks/` (parseStoreLock). Borg
 * itself removes a dead holder only when its whole host id matches; a changed node id (another
 * network card, a VM's new MAC, BORG_HOST_ID) leaves the lock to block forever, so Borgdesk matches
 * the host name and asks the process table.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseLocation } from '../../model/location-syntax.js';
import type { LockHolder, LockReport } from '../../model/lock.js';
import { lockModeOf, type BorgProcess } from './local-borg-processes.js';

/** What the roster reader asks about this computer. */
export interface LockProbe {
  /** This computer's host name (os.hostname()). */
  readonly hostname: string;
  /** Whether a process with this pid runs here (default: process.kill(pid, 0)). */
  readonly isAlive?: (pid: number) => boolean;
  /** The borg processes here that work on a location (local-borg-processes.ts); none when absent. */
  readonly borgProcessesOn?: (location: string) => Promise<readonly BorgProcess[]>;
}

/** A lock entry parsed from a lock file name or roster row. */
export interface LockEntry {
  readonly hostId: string;
  readonly pid: number;
  readonly thread: number;
}

/** Parses a lock file name `host.pid-thread` as borg's kill_stale_lock does; undefined if malformed. */
export function parseLockName(name: string): LockEntry | undefined {
  const dash = name.lastIndexOf('-');
  const hostPid = name.slice(0, dash);
  const dot = hostPid.lastIndexOf('.');
  if (dash <= 0 || dot <= 0) return undefined;
  const pidText = hostPid.slice(dot + 1);
  const threadText = name.slice(dash + 1);
  if (!/^\d+$/.test(pidText) || !/^[0-9a-fA-F]+$/.test(threadText)) return undefined;
  return { hostId: hostPid.slice(0, dot), pid: Number(pidText), thread: parseInt(threadText, 16) };
}

/** The entries of one roster key; rows that are not `[string, int, int]` are skipped. */
export function parseRoster(text: string, key: 'exclusive' | 'shared'): LockEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const rows: unknown =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : [];
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: unknown) => {
    if (!Array.isArray(row) || row.length < 3) return [];
    const [hostId, pid, thread] = row as unknown[];
    return typeof hostId === 'string' && Number.isInteger(pid) && Number.isInteger(thread)
      ? [{ hostId, pid: pid as number, thread: thread as number }]
      : [];
  });
}

/**
 * One lock of borg 2's store (borg/storelocking.py): the file `<repo>/locks/<key>` holds JSON
 * `{"exclusive": bool, "hostid": "fqdn@node", "processid": n, "threadid": n, "time": ISO}`;
 * undefined for anything else.
 */
export function parseStoreLock(
  text: string,
): { entry: LockEntry; mode: LockHolder['mode']; since?: string } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { exclusive, hostid, processid, threadid, time } = data as Record<string, unknown>;
  if (typeof hostid !== 'string' || !Number.isInteger(processid) || !Number.isInteger(threadid))
    return undefined;
  const since = typeof time === 'string' && !Number.isNaN(Date.parse(time)) ? new Date(time) : undefined;
  return {
    entry: { hostId: hostid, pid: processid as number, thread: threadid as number },
    mode: exclusive === true ? 'exclusive' : 'shared',
    ...(since === undefined ? {} : { since: since.toISOString() }),
  };
}

/** The host name part of borg's host id `fqdn@node`, without its domain. */
export function hostnameOf(hostId: string): string {
  const at = hostId.lastIndexOf('@');
  return at > 0 ? hostId.slice(0, at) : hostId;
}

/** True when `hostId` names this computer: its host name (short form, any case) is ours. */
export function isThisComputer(hostId: string, hostname: string): boolean {
  const short = (name: string): string => (name.split('.')[0] ?? name).toLowerCase();
  return short(hostnameOf(hostId)) === short(hostname);
}

/** process.kill(pid, 0): EPERM means it exists (another user's), ESRCH that it is gone. */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The local folder of `location`, or undefined for a remote (ssh) repository. */
export function localRepositoryPath(location: string): string | undefined {
  const parsed = parseLocation(location);
  if (!parsed.ok || parsed.location.scheme !== 'file') return undefined;
  return parsed.location.path;
}

/** Who holds the lock of the repository at `location`, read without borg (it would wait for the lock). */
export async function readLockReport(location: string, probe: LockProbe): Promise<LockReport> {
  const repoPath = localRepositoryPath(location);
  if (repoPath === undefined) return remoteLockReport(location, probe);
  const lockDir = path.join(repoPath, 'lock.exclusive');
  const rosterPath = path.join(repoPath, 'lock.roster');
  const names = await fs.readdir(lockDir).catch(() => undefined);
  const rosterText = await fs.readFile(rosterPath, 'utf8').catch(() => undefined);
  const rosterTime = await mtimeOf(rosterPath);
  const found = new Map<string, { entry: LockEntry; mode: LockHolder['mode']; since?: string }>();
  const add = (entry: LockEntry, mode: LockHolder['mode'], since?: string): void => {
    const key = `${entry.hostId}.${entry.pid}-${entry.thread}`;
    const known = found.get(key);
    if (known === undefined || (known.since === undefined && since !== undefined))
      found.set(key, { entry, mode: known?.mode ?? mode, ...(since !== undefined ? { since } : {}) });
  };
  for (const name of names ?? []) {
    const entry = parseLockName(name);
    if (entry !== undefined) add(entry, 'exclusive', await mtimeOf(path.join(lockDir, name)));
  }
  if (rosterText !== undefined) {
    for (const entry of parseRoster(rosterText, 'exclusive')) add(entry, 'exclusive', rosterTime);
    for (const entry of parseRoster(rosterText, 'shared')) add(entry, 'shared', rosterTime);
  }
  // A borg 2 repository (borgstore) keeps one file per lock in locks/ instead; it is read the same way.
  const storeLocks = path.join(repoPath, 'locks');
  for (const name of (await fs.readdir(storeLocks).catch(() => undefined)) ?? []) {
    const text = await fs.readFile(path.join(storeLocks, name), 'utf8').catch(() => undefined);
    const lock = text === undefined ? undefined : parseStoreLock(text);
    if (lock !== undefined) add(lock.entry, lock.mode, lock.since);
  }
  const isAlive = probe.isAlive ?? pidAlive;
  const holders = [...found.values()].map(({ entry, mode, since }): LockHolder => {
    const thisComputer = isThisComputer(entry.hostId, probe.hostname);
    const alive = thisComputer ? isAlive(entry.pid) : undefined;
    return {
      hostId: entry.hostId,
      hostname: hostnameOf(entry.hostId),
      pid: entry.pid,
      mode,
      ...(since !== undefined ? { since } : {}),
      thisComputer,
      ...(alive !== undefined ? { alive } : {}),
      stale: thisComputer && alive === false,
    };
  });
  return { readable: true, locked: names !== undefined || holders.length > 0, holders };
}

// The lock of an ssh:// repository is on the server; a borg on this computer that works on the same
// location is a holder Borgdesk can name (and tell alive), though one elsewhere stays unseen.
async function remoteLockReport(location: string, probe: LockProbe): Promise<LockReport> {
  const local = (await probe.borgProcessesOn?.(location).catch(() => undefined)) ?? [];
  const holders = local.map((p): LockHolder => ({
    hostId: probe.hostname,
    hostname: probe.hostname,
    pid: p.pid,
    mode: lockModeOf(p.args),
    thisComputer: true,
    alive: true,
    stale: false,
  }));
  const reason =
    holders.length === 0
      ? 'The repository is on a server: Borgdesk cannot look at its lock from here, and no borg on this computer is using it, so another computer probably is.'
      : 'The lock itself is on the server, where Borgdesk cannot read it; this borg on this computer is using the repository.';
  return { readable: false, locked: true, holders, reason };
}

async function mtimeOf(file: string): Promise<string | undefined> {
  const stat = await fs.stat(file).catch(() => undefined);
  return stat?.mtime.toISOString();
}
