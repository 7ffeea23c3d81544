/**
 * Runs one of borg's companion programs (ssh-keygen) for a short, non-interactive task: an argv
 * array and never a shell, no stdin (a prompt ends at EOF instead of waiting), the environment the
 * caller gives, its own session (no terminal to ask on), and a time limit — exec.ts's runProgram,
 * with a start failure turned into words.
 */
import { runProgram } from './exec.js';
import { spawnFailure } from './spawn-errors.js';
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

/** Runs `file args…`; never rejects (the caller judges the exit code). */
export async function runTool(file: string, args: readonly string[], options: ToolOptions): Promise<ToolRun> {
  const { timeoutMs, cwd } = options;
  const result = await runProgram(file, args, {
    timeoutMs,
    env: { ...options.env },
    ...(cwd === undefined ? {} : { cwd }),
  });
  const run = {
    exitCode: result.exitCode ?? undefined,
    stdout: result.stdout,
    stderr: result.stderr,
    timedOut: result.timedOut,
  };
  if (result.spawnError === undefined) return run;
  return {
    ...run,
    spawnError: result.spawnError,
    startError: spawnFailure(result.spawnError, { name: options.name, file, isBorg: false }),
  };
}
