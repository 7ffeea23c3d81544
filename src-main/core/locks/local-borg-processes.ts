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

/** The borg processes here (not this one) whose command line names `location`. */
export async function borgProcessesOn(location: string, platform: NodeJS.Platform): Promise<BorgProcess[]> {
  const all = platform === 'linux' ? await fromProc() : await fromPs();
  return all.filter((p) => p.pid !== process.pid && isBorgRunOn(p.args, location));
}

async function fromProc(): Promise<BorgProcess[]> {
  const pids = (await fs.readdir('/proc').catch(() => [] as string[])).filter((n) => /^\d+$/.test(n));
  const found = await Promise.all(
    pids.map(async (pid) => {
      const text = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      return { pid: Number(pid), args: text.split('\0').filter((a) => a !== '') };
    }),
  );
  return found.filter((p) => p.args.length > 0);
}

// ps prints the command line with spaces between the arguments: a location with a space in it is
// not found this way (only on systems without /proc).
async function fromPs(): Promise<BorgProcess[]> {
  const ps = await runProgram('ps', ['-axo', 'pid=,command='], { timeoutMs: 5_000 });
  if (ps.exitCode !== 0) return [];
  return ps.stdout.split('\n').flatMap((line) => {
    const [pid, ...args] = line.trim().split(/\s+/);
    return pid !== undefined && /^\d+$/.test(pid) ? [{ pid: Number(pid), args }] : [];
  });
}
