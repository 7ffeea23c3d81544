/**
 * A small JSON file beside each mount folder (`<folder>.json`, mode 0600), written when Borgdesk
 * mounts and removed when it unmounts. A later run that finds the folder still mounted learns from
 * it which repository and archive it is, and which `borg mount` process serves it: borg forks into
 * the background, so its pid is looked up by command line right after mounting.
 */
import { promises as fs } from 'node:fs';
import { runProgram } from '../../borg/exec.js';

/** What a marker records. */
export interface MountMarker {
  readonly repoId: string;
  readonly repoName: string;
  readonly archiveName?: string;
  /** The background `borg mount` process, when it could be found. */
  readonly borgPid?: number;
  readonly mountedAt: number;
}

/** Where the marker of `mountPoint` lives. */
export function markerPathOf(mountPoint: string): string {
  return `${mountPoint}.json`;
}

/** Writes the marker; a failure only costs a later run the repository's name, so it is not thrown. */
export async function writeMarker(mountPoint: string, marker: MountMarker): Promise<void> {
  const text = `${JSON.stringify(marker)}\n`;
  await fs.writeFile(markerPathOf(mountPoint), text, { mode: 0o600 }).catch(() => undefined);
}

/** The marker of `mountPoint`, or undefined when it is missing or not one Borgdesk wrote. */
export async function readMarker(mountPoint: string): Promise<MountMarker | undefined> {
  try {
    const value: unknown = JSON.parse(await fs.readFile(markerPathOf(mountPoint), 'utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const m = value as Record<string, unknown>;
    if (typeof m['repoId'] !== 'string' || typeof m['repoName'] !== 'string') return undefined;
    return {
      repoId: m['repoId'],
      repoName: m['repoName'],
      mountedAt: typeof m['mountedAt'] === 'number' ? m['mountedAt'] : 0,
      ...(typeof m['archiveName'] === 'string' ? { archiveName: m['archiveName'] } : {}),
      ...(Number.isInteger(m['borgPid']) ? { borgPid: m['borgPid'] as number } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Removes the marker, if any. */
export async function removeMarker(mountPoint: string): Promise<void> {
  await fs.rm(markerPathOf(mountPoint), { force: true }).catch(() => undefined);
}

/** The command line of process `pid`, as its arguments; undefined when it does not run (or cannot be read). */
async function commandLineOf(pid: number, platform: NodeJS.Platform): Promise<string[] | undefined> {
  if (platform === 'linux') {
    const text = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
    return text === undefined || text === '' ? undefined : text.split('\0').filter((a) => a !== '');
  }
  const ps = await runProgram('ps', ['-o', 'command=', '-p', String(pid)], { timeoutMs: 5_000 });
  const line = ps.stdout.trim();
  return ps.exitCode === 0 && line !== '' ? line.split(/\s+/) : undefined;
}

/** True when `pid` runs `borg … mount … <mountPoint>`: ours to stop, not a recycled pid. */
export async function isBorgMountOf(
  pid: number,
  mountPoint: string,
  platform: NodeJS.Platform,
): Promise<boolean> {
  const args = await commandLineOf(pid, platform);
  if (args === undefined) return false;
  return args.includes('mount') && args.includes(mountPoint) && args.some((a) => /borg/i.test(a));
}

/** The pid of the `borg mount` process serving `mountPoint`, if one is found. */
export async function findBorgMountPid(
  mountPoint: string,
  platform: NodeJS.Platform,
): Promise<number | undefined> {
  const candidates =
    platform === 'linux'
      ? (await fs.readdir('/proc').catch(() => [] as string[])).filter((n) => /^\d+$/.test(n)).map(Number)
      : await psPids();
  for (const pid of candidates) {
    if (pid !== process.pid && (await isBorgMountOf(pid, mountPoint, platform))) return pid;
  }
  return undefined;
}

async function psPids(): Promise<number[]> {
  const ps = await runProgram('ps', ['-axo', 'pid=,command='], { timeoutMs: 5_000 });
  if (ps.exitCode !== 0) return [];
  return ps.stdout
    .split('\n')
    .filter((line) => line.includes('borg') && line.includes(' mount '))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .filter(Number.isInteger);
}

/**
 * Ends the `borg mount` process `pid` if it still serves `mountPoint`: SIGTERM (borg closes the
 * repository and releases its lock), SIGKILL after `graceMs`. True when it is gone.
 */
export async function endBorgMount(
  pid: number,
  mountPoint: string,
  platform: NodeJS.Platform,
  graceMs = 5_000,
): Promise<boolean> {
  const serves = (): Promise<boolean> => isBorgMountOf(pid, mountPoint, platform);
  if (!(await serves())) return true;
  signal(pid, 'SIGTERM');
  const until = Date.now() + graceMs;
  while (Date.now() < until) {
    if (!(await serves())) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  signal(pid, 'SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 200));
  return !(await serves());
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone already.
  }
}
