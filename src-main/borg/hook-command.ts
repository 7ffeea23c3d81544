/**
 * A plan's hook command: the user's own command line, run through their shell with a time
 * limit that stops it and everything it started.
 */
import type { Readable } from 'node:stream';
import type { BorgError } from './errors.js';
import { OWN_SESSION, signalGroup, startProcess } from './exec.js';
import { LineSplitter } from './line-splitter.js';
import { spawnFailure } from './spawn-errors.js';
import { deadline } from './stop-timers.js';

/** How a plan's hook command ended. */
export interface HookOutcome {
  readonly exitCode: number | undefined;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  /** Why the command could not be started at all (too many open files, no shell, …). */
  readonly startError?: BorgError;
}

/** Options for `runHookCommand`. */
export interface HookCommandOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** The command's complete environment (nothing else is inherited); this process's when absent. */
  readonly env?: Readonly<Record<string, string>>;
  /** Each output line (stdout and stderr), as it arrives. */
  readonly onLine: (line: string, stream: 'stdout' | 'stderr') => void;
}

const HOOK_TERM_TO_KILL_MS = 5_000;

/**
 * Runs a plan's hook command through the user's shell (it is the user's own command line,
 * e.g. `pg_dump db > /backup/db.sql`), stopping it and what it started (SIGTERM to its process
 * group, then SIGKILL 5 s later) after the timeout or on abort. Never rejects: the caller decides what a non-zero exit or a startError means.
 */
export async function runHookCommand(command: string, options: HookCommandOptions): Promise<HookOutcome> {
  if (options.signal?.aborted) return { exitCode: undefined, timedOut: false, cancelled: true };
  const { child, exit } = startProcess(command, [], {
    shell: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the time limit stops what the command started too (`a & b`).
    detached: OWN_SESSION,
    windowsHide: true,
    ...(options.env !== undefined && { env: { ...options.env } }),
  });
  const wire = (stream: Readable | null | undefined, name: 'stdout' | 'stderr'): (() => void) => {
    const splitter = new LineSplitter();
    const emit = (lines: readonly string[]): void => {
      for (const line of lines) if (line !== '') options.onLine(line, name);
    };
    stream?.on('data', (chunk: Buffer) => emit(splitter.push(chunk)));
    return () => emit(splitter.end());
  };
  const endOut = wire(child?.stdout, 'stdout');
  const endErr = wire(child?.stderr, 'stderr');
  let killTimer: NodeJS.Timeout | undefined;
  const stop = (): void => {
    if (killTimer !== undefined) return;
    if (child === undefined) return;
    signalGroup(child, 'SIGTERM');
    killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), HOOK_TERM_TO_KILL_MS);
  };
  const limit = deadline(options.timeoutMs, stop);
  const onAbort = (): void => stop();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const result = await exit.finally(() => {
    limit.dispose();
    clearTimeout(killTimer);
    options.signal?.removeEventListener('abort', onAbort);
  });
  endOut();
  endErr();
  const cancelled = options.signal?.aborted === true;
  const outcome = {
    exitCode: result.exitCode ?? undefined,
    timedOut: limit.expired && !cancelled,
    cancelled,
  };
  if (result.spawnError === undefined) return outcome;
  const file = process.platform === 'win32' ? (process.env.ComSpec ?? 'cmd.exe') : '/bin/sh';
  const startError = spawnFailure(result.spawnError, { name: 'the command', file, isBorg: false });
  return { ...outcome, startError };
}
