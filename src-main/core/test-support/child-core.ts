/**
 * Test support (imported by tests only): a Borgdesk core in a child Node process that a test can
 * SIGKILL, the borg processes working on a repository (found through /proc, since a killed host's
 * borg lives on in its own session), and the real borg CLI for independent checks.
 */
import { build } from 'esbuild';
// Tests must start and SIGKILL whole processes; the app itself only spawns through borg/exec.ts.
// eslint-disable-next-line no-restricted-imports
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// eslint-disable-next-line no-restricted-imports
import { execa } from 'execa';
import type { ChildPlan, ChildReport } from './child-core-main.js';

/** A running child core and what it reported so far. */
export interface ChildCore {
  readonly process: ChildProcess;
  readonly reports: ChildReport[];
  /** Resolves with the first report (already received or still to come) that `match` accepts. */
  waitFor(match: (r: ChildReport) => boolean, timeoutMs: number): Promise<ChildReport>;
  /** SIGKILL the child and wait until it is gone. */
  kill(): Promise<void>;
}

/** Bundle child-core-main.ts into `dir` (one self-contained file) and return its path. */
export async function bundleChildCore(dir: string): Promise<string> {
  const outfile = path.join(dir, 'child-core.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./child-core-main.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return outfile;
}

/** Start the bundled child with `plan`; BORG_BASE_DIR is handed down so borg stays in the sandbox. */
export function startChildCore(
  script: string,
  plan: ChildPlan,
  borgBaseDir: string,
  extraEnv: Readonly<Record<string, string>> = {},
): ChildCore {
  const child = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      ...extraEnv,
      BORG_BASE_DIR: borgBaseDir,
      BORGDESK_CHILD_PLAN: JSON.stringify(plan),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const reports: ChildReport[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      reports.push(JSON.parse(buffer.slice(0, newline)) as ChildReport);
      buffer = buffer.slice(newline + 1);
    }
    for (const wake of waiters) wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    reports,
    waitFor(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = reports.find(match);
          const failed = reports.find((r) => r.type === 'error');
          if (found !== undefined || failed !== undefined || child.exitCode !== null) {
            clearTimeout(timer);
            waiters.delete(check);
            if (found !== undefined) resolve(found);
            else reject(new Error(`child core ended or failed: ${JSON.stringify(failed)} ${stderr}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`child core: no matching report within ${timeoutMs} ms; stderr: ${stderr}`));
        }, timeoutMs);
        waiters.add(check);
        void exited.then(check);
        check();
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Pids of the borg processes whose command line names `repoPath` (Linux /proc). */
export async function borgPidsFor(repoPath: string): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cmdline = await fs.readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    const args = cmdline.split('\0');
    if (args.some((a) => a.includes(repoPath)) && args.some((a) => path.basename(a).startsWith('borg')))
      pids.push(Number(name));
  }
  return pids;
}

/** SIGKILL each of `pids` and wait (bounded) until they are gone and reaped. */
export async function killAndWait(pids: readonly number[], timeoutMs = 10_000): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isAlive)) {
    if (Date.now() > deadline) throw new Error(`processes ${pids.join(', ')} did not exit`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (killed, not yet reaped) still counts as alive: borg's stale-lock check asks kill(pid, 0)
  // too, so until the orphan's new parent (init, which may reap late here) reaps it, its lock holds.
  return true;
}

/** Run the real borg CLI; a test may hand it the passphrase by environment (the app never does). */
export async function borgCli(
  args: readonly string[],
  passphrase: string,
  borgBaseDir: string,
): Promise<{ exitCode: number; output: string }> {
  const run = await execa('borg', [...args], {
    env: { BORG_PASSPHRASE: passphrase, BORG_BASE_DIR: borgBaseDir, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    reject: false,
    all: true,
    timeout: 60_000,
  });
  return { exitCode: run.exitCode ?? -1, output: run.all ?? '' };
}
