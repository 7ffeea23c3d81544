/**
 * The borg processes on this computer that work on one repository location, found in the process
 * table by their command line. For an ssh:// repository the lock lives on the server, where
 * Borgdesk cannot read it; a borg here that names the location is the one holder it can name.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runProgram } from '../../borg/exec.js';

/** One borg process and its arguments. */
export interface BorgProcess {
  readonly pid: number;
  /** Its parent's pid; undefined when it could not be read. */
  readonly ppid?: number | undefined;
  readonly args: readonly string[];
}

// Borg's commands that take the lock shared (they only read); every other one writes.
const READING_COMMANDS = new Set(['list', 'info', 'extract', 'mount', 'diff', 'export-tar']);

/** Whether the borg run `args` reads (shared lock) or writes (exclusive lock). */
export function lockModeOf(args: readonly string[]): 'shared' | 'exclusive' {
  return args.some((a) => READING_COMMANDS.has(a)) ? 'shared' : 'exclusive';
}

/** True when `args` is a borg run on `location` (the location itself, or one of its archives). */
export function isBorgRunOn(args: readonly string[], location: string): boolean {
  const isBorg = args.slice(0, 2).some((a) => /^borg(\.exe)?$/i.test(path.basename(a)));
  return isBorg && args.some((a) => a === location || a.startsWith(`${location}::`));
}

/**
 * The borg processes here whose command line names `location`, except Borgdesk's own children: a
 * borg of Borgdesk's that runs now (a repository read waiting for the lock) is not the holder.
 */
export async function borgProcessesOn(location: string, platform: NodeJS.Platform): Promise<BorgProcess[]> {
  const all = platform === 'linux' ? await fromProc() : await fromPs();
  return all.filter((p) => p.pid !== process.pid && p.ppid !== process.pid && isBorgRunOn(p.args, location));
}

async function fromProc(): Promise<BorgProcess[]> {
  const pids = (await fs.readdir('/proc').catch(() => [] as string[])).filter((n) => /^\d+$/.test(n));
  const found = await Promise.all(
    pids.map(async (pid) => {
      const text = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      // stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ")".
      const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
      const ppid = Number(
        stat
          .slice(stat.lastIndexOf(')') + 1)
          .trim()
          .split(' ')[1],
      );
      const args = text.split('\0').filter((a) => a !== '');
      return { pid: Number(pid), ppid: Number.isInteger(ppid) ? ppid : undefined, args };
    }),
  );
  return found.filter((p) => p.args.length > 0);
}

// ps prints the command line with spaces between the arguments: a location with a space in it is
// not found this way (only on systems without /proc).
async function fromPs(): Promise<BorgProcess[]> {
  const ps = await runProgram('ps', ['-axo', 'pid=,ppid=,command='], { timeoutMs: 5_000 });
  if (ps.exitCode !== 0) return [];
  return ps.stdout.split('\n').flatMap((line) => {
    const [pid, ppid, ...args] = line.trim().split(/\s+/);
    if (pid === undefined || !/^\d+$/.test(pid)) return [];
    return [{ pid: Number(pid), ppid: Number(ppid), args }];
  });
}
