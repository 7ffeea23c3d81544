/**
 * The one place that starts borg (lint allows execa nowhere else). Every run gets `--log-json`, a
 * clean environment (see env.ts), no stdin (prompts end at EOF instead of waiting), the passphrase
 * on a pipe at fd 3 (BORG_PASSPHRASE_FD), its own session (no controlling terminal: Python's getpass
 * would otherwise read the passphrase from /dev/tty and hang), and a streamed stderr event feed.
 */
import { statSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { execa } from 'execa';
import { buildBorgEnv } from './env.js';
import { BorgError, borgErrorFromRun } from './errors.js';
import { LineSplitter } from './line-splitter.js';
import { parseLogLine, type BorgLogEvent } from './log-json.js';
import { RunObserver } from './run-observer.js';

export { buildBorgEnv, KNOWN_PROMPTS, PASSPHRASE_FD, type BorgEnvOptions } from './env.js';

/** Who runs borg, with which secret, and who hears about it. */
export interface BorgContext {
  readonly borgPath: string;
  /** Delivered through a pipe + BORG_PASSPHRASE_FD; never argv, never an env var. */
  readonly passphrase?: string;
  /** BORG_PASSCOMMAND, the user's own command; used only when no passphrase is given. */
  readonly passcommand?: string;
  /** Abort => SIGINT (borg stops cleanly), then SIGTERM, then SIGKILL; rejects with code 'Cancelled'. */
  readonly signal?: AbortSignal;
  /** Every parsed stderr line, in order, as it arrives. */
  readonly onEvent?: (event: BorgLogEvent) => void;
  /** Prompt env vars the user has agreed to in the UI, e.g. BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK. */
  readonly consentedPrompts?: readonly string[];
}

/** A run that ended with an accepted exit code. */
export interface BorgRunResult {
  readonly exitCode: number;
  /** Everything borg wrote to stdout; empty when onStdoutLine took the lines. */
  readonly stdout: string;
  /** WARNING log messages. */
  readonly warnings: readonly string[];
}

/** Per-command choices for one run. */
export interface RunBorgOptions {
  /** Exit codes that count as success; default [0]. `borg create` passes [0, 1] (1 = warnings). */
  readonly okExitCodes?: readonly number[];
  /** Receives each non-empty stdout line as it arrives (for `--json-lines`), instead of collecting stdout. */
  readonly onStdoutLine?: (line: string) => void;
  /** How long borg may take to stop after SIGINT before SIGTERM; SIGKILL follows 5 s later. */
  readonly killGraceMs?: number;
  /** Borg's working directory (`borg extract` writes into it); default: this process's. */
  readonly cwd?: string;
}

const DEFAULT_KILL_GRACE_MS = 10_000;

/**
 * killGraceMs for every command but create: borg 1.2 takes a first SIGINT only as "write a
 * checkpoint" (helpers.process.SigIntManager), which nothing but create acts on, so extract, list or
 * diff would run on until SIGTERM. SIGTERM ends them at once and cleanly (the lock is released).
 */
export const STOP_AT_ONCE_MS = 0;
// setsid() on POSIX: no controlling terminal, and borg leads a process group we can signal as a whole.
const OWN_SESSION = process.platform !== 'win32';
const TERM_TO_KILL_MS = 5_000;

/** Runs `borg --log-json <args>`; resolves on an accepted exit code, otherwise rejects with a BorgError. */
export async function runBorg(
  args: readonly string[],
  ctx: BorgContext,
  options: RunBorgOptions = {},
): Promise<BorgRunResult> {
  if (ctx.signal?.aborted) throw new BorgError({ code: 'Cancelled', message: 'The task was cancelled.' });
  const onFd = ctx.passphrase !== undefined;
  const env = buildBorgEnv(process.env, {
    passphraseOnFd: onFd,
    passcommand: ctx.passcommand,
    consentedPrompts: ctx.consentedPrompts,
  });
  const pipe = onFd ? [new TextEncoder().encode(ctx.passphrase)] : [];
  const child = execa(ctx.borgPath, ['--log-json', ...args], {
    stdio: ['ignore', 'pipe', 'pipe', ...pipe],
    env,
    extendEnv: false,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    buffer: false,
    reject: false,
    detached: OWN_SESSION,
    forceKillAfterDelay: false,
    windowsHide: true,
  });

  const observer = new RunObserver();
  let listenerError: unknown;
  const safely = (fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      listenerError ??= e;
    }
  };
  const stderrLines = new LineSplitter();
  const handleStderr = (lines: readonly string[]): void => {
    for (const line of lines) {
      if (line === '') continue;
      const event = parseLogLine(line);
      observer.observe(event);
      if (ctx.onEvent) safely(() => ctx.onEvent?.(event));
    }
  };
  child.stderr.on('data', (chunk: Buffer) => handleStderr(stderrLines.push(chunk)));

  const stdoutChunks: Buffer[] = [];
  const stdoutLines = new LineSplitter();
  const handleStdout = (lines: readonly string[]): void => {
    for (const line of lines) if (line !== '') safely(() => options.onStdoutLine?.(line));
  };
  child.stdout.on('data', (chunk: Buffer) => {
    if (options.onStdoutLine) handleStdout(stdoutLines.push(chunk));
    else stdoutChunks.push(chunk);
  });

  const stopper = watchAbort(ctx.signal, (signal) => signalGroup(child, signal), options.killGraceMs);
  const result = await child.finally(() => stopper.dispose());
  handleStderr(stderrLines.end());
  if (options.onStdoutLine) handleStdout(stdoutLines.end());
  if (listenerError !== undefined) throw listenerError;

  if (result.exitCode === undefined && result.signal === undefined) {
    throw startError(ctx.borgPath, result.code, stopper.cancelled, options.cwd);
  }
  const rc = result.exitCode ?? 128 + (osConstants.signals[result.signal ?? 'SIGKILL'] ?? 9);
  const okCodes = options.okExitCodes ?? [0];
  // An aborted run is Cancelled whatever borg's exit code: `borg with-lock` exits 0 once its command
  // dies of the SIGINT. (A create that committed just before the signal still shows up in the next list.)
  if (stopper.cancelled || !okCodes.includes(rc))
    throw borgErrorFromRun(observer.failure(rc, stopper.cancelled));
  const stdout = Buffer.concat(stdoutChunks).toString('utf8');
  return { exitCode: rc, stdout, warnings: observer.warnings };
}

// Like Ctrl-C in a terminal, signal borg's whole process group: borg expects its children (a
// with-lock command, a passcommand) to get the signal too, and ignores SIGINT only in ssh.
function signalGroup(
  child: { pid?: number; kill(signal: NodeJS.Signals): boolean },
  signal: NodeJS.Signals,
): void {
  if (OWN_SESSION && child.pid !== undefined) {
    try {
      process.kill(-child.pid, signal);
      return;
    } catch {
      // The group is gone; child.kill below is then a harmless no-op.
    }
  }
  child.kill(signal);
}

function startError(
  borgPath: string,
  code: string | undefined,
  cancelled: boolean,
  cwd: string | undefined,
): BorgError {
  if (cancelled) return new BorgError({ code: 'Cancelled', message: 'The task was cancelled.' });
  // spawn() says ENOENT for a missing working directory too; that is not a missing borg.
  if (code === 'ENOENT' && cwd !== undefined && !isDirectory(cwd)) {
    return new BorgError({
      code: 'BorgFailed',
      message: `The folder ${cwd} does not exist.`,
      remedy: 'Choose a folder that exists, then try again.',
    });
  }
  if (code === 'ENOENT') {
    return new BorgError({
      code: 'BorgNotFound',
      message: `Borg was not found at ${borgPath}.`,
      remedy: 'Install BorgBackup, or set the path to borg in Settings.',
    });
  }
  return new BorgError({
    code: 'BorgFailed',
    message: `Borg could not be started (${code ?? 'unknown error'}).`,
    remedy: 'Check that the borg file is executable, or set another path in Settings.',
  });
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

interface AbortWatch {
  readonly cancelled: boolean;
  dispose(): void;
}

// SIGINT lets borg write a checkpoint and release its lock; escalate only if it does not stop.
function watchAbort(
  signal: AbortSignal | undefined,
  kill: (signal: NodeJS.Signals) => void,
  graceMs = DEFAULT_KILL_GRACE_MS,
): AbortWatch {
  const timers: NodeJS.Timeout[] = [];
  const state = { cancelled: false };
  const onAbort = (): void => {
    state.cancelled = true;
    kill('SIGINT');
    timers.push(setTimeout(() => kill('SIGTERM'), graceMs));
    timers.push(setTimeout(() => kill('SIGKILL'), graceMs + TERM_TO_KILL_MS));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    get cancelled() {
      return state.cancelled;
    },
    dispose() {
      signal?.removeEventListener('abort', onAbort);
      for (const t of timers) clearTimeout(t);
    },
  };
}

/** What `borg --version` printed, or why it could not run. */
export type VersionProbe =
  { readonly ok: true; readonly output: string } | { readonly ok: false; readonly detail: string };

/** Runs `borg --version` (no --log-json, no secrets), with a time limit. */
export async function runBorgVersion(borgPath: string, timeoutMs = 15_000): Promise<VersionProbe> {
  const result = await execa(borgPath, ['--version'], {
    stdin: 'ignore',
    env: buildBorgEnv(process.env, {}),
    extendEnv: false,
    reject: false,
    timeout: timeoutMs,
    detached: OWN_SESSION,
    windowsHide: true,
  });
  if (result.exitCode === 0) return { ok: true, output: `${result.stdout}\n${result.stderr}`.trim() };
  if (result.timedOut) return { ok: false, detail: `"${borgPath} --version" did not finish in time.` };
  const said = `${result.stderr}`.trim().split('\n').pop();
  const reason =
    result.exitCode === undefined ? (result.code ?? 'could not start') : `exit code ${result.exitCode}`;
  return { ok: false, detail: said ? `${reason}: ${said}` : reason };
}

/** How a plan's before/after command ended. */
export interface HookOutcome {
  readonly exitCode: number | undefined;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
}

/** Options for `runHookCommand`. */
export interface HookCommandOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Each output line (stdout and stderr), as it arrives. */
  readonly onLine: (line: string, stream: 'stdout' | 'stderr') => void;
}

/**
 * Runs a plan's before/after command through the user's shell (it is the user's own command line,
 * e.g. `pg_dump db > /backup/db.sql`), killing it after the timeout. Never rejects for a failing
 * command: the caller decides what a non-zero exit means.
 */
export async function runHookCommand(command: string, options: HookCommandOptions): Promise<HookOutcome> {
  const child = execa(command, [], {
    shell: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    buffer: false,
    reject: false,
    timeout: options.timeoutMs,
    ...(options.signal === undefined ? {} : { cancelSignal: options.signal }),
    forceKillAfterDelay: 5_000,
    windowsHide: true,
  });
  const wire = (stream: NodeJS.ReadableStream | null, name: 'stdout' | 'stderr'): (() => void) => {
    const splitter = new LineSplitter();
    const emit = (lines: readonly string[]): void => {
      for (const line of lines) if (line !== '') options.onLine(line, name);
    };
    stream?.on('data', (chunk: Buffer) => emit(splitter.push(chunk)));
    return () => emit(splitter.end());
  };
  const endOut = wire(child.stdout, 'stdout');
  const endErr = wire(child.stderr, 'stderr');
  const result = await child;
  endOut();
  endErr();
  return { exitCode: result.exitCode, timedOut: result.timedOut, cancelled: result.isCanceled };
}
