/**
 * Runs one of borg's companion programs (ssh-keygen) for a short, non-interactive task: an argv
 * array and never a shell, no stdin (a prompt ends at EOF instead of waiting), the environment the
 * caller gives, its own session (no terminal to ask on), and a time limit. The spawn itself is
 * exec.ts's, the one place that starts processes.
 */
import type { Readable } from 'node:stream';
import { OWN_SESSION, signalGroup, startProcess } from './exec.js';
import { spawnFailure } from './spawn-errors.js';
import { deadline } from './stop-timers.js';
import type { BorgError } from './errors.js';

/** How a tool run ended. */
export interface ToolRun {
  /** Undefined when it was killed (time limit) or never started. */
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** The errno code when it could not start (ENOENT: not installed). */
  readonly spawnError?: string;
  /** Why it could not start (not executable, no file handles…), in plain words. */
  readonly startError?: BorgError;
}

/** Options of {@link runTool}. */
export interface ToolOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly timeoutMs: number;
  /** How the program is named in a start error ("ssh-keygen"). */
  readonly name: string;
  readonly cwd?: string;
}

// Output beyond this is dropped: the tools run here print a line or two.
const MAX_OUTPUT = 256 * 1024;

/** Runs `file args…`; never rejects (the caller judges the exit code). */
export async function runTool(file: string, args: readonly string[], options: ToolOptions): Promise<ToolRun> {
  const { child, exit } = startProcess(file, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...options.env },
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    detached: OWN_SESSION,
    windowsHide: true,
  });
  const stdout = collect(child?.stdout);
  const stderr = collect(child?.stderr);
  const limit = deadline(options.timeoutMs, () => child && signalGroup(child, 'SIGKILL'));
  const result = await exit.finally(() => limit.dispose());
  const run = {
    exitCode: result.exitCode ?? undefined,
    stdout: stdout(),
    stderr: stderr(),
    timedOut: limit.expired,
  };
  if (result.spawnError === undefined) return run;
  return {
    ...run,
    spawnError: result.spawnError,
    startError: spawnFailure(result.spawnError, { name: options.name, file, isBorg: false }),
  };
}

function collect(stream: Readable | null | undefined): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  stream?.on('data', (chunk: Buffer) => {
    if (size >= MAX_OUTPUT) return;
    chunks.push(chunk);
    size += chunk.length;
  });
  return () => Buffer.concat(chunks).toString('utf8');
}
