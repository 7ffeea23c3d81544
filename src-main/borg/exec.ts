/**
 * The one place that starts a process (lint allows child_process and execa nowhere else in the app).
 * It calls node:child_process itself rather than execa: with every file handle in use, execa 9
 * throws "subprocess.stdio is not iterable" synchronously and leaves the child's EMFILE 'error'
 * event unheard, which ends the host (execa 10 needs Node 22). Every run gets `--log-json`, a
 * clean environment (see env.ts), no stdin (prompts end at EOF instead of waiting), the passphrase
 * on a pipe at fd 3 (BORG_PASSPHRASE_FD), its own session (no controlling terminal: Python's getpass
 * would otherwise read the passphrase from /dev/tty and hang), and a streamed stderr event feed.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import { commonOptions } from './common-options.js';
import { buildBorgEnv } from './env.js';
import type { BorgContext, BorgRunResult, RunBorgOptions } from './exec-types.js';
import { BorgError, borgErrorFromRun } from './errors.js';
import { legacyExitCode } from './exit-codes.js';
import { LineSplitter } from './line-splitter.js';
import { lowPriorityExitError, lowPriorityLaunch } from './low-priority.js';
import { otherBorgError, otherBorgMajor } from './other-borg.js';
import { parseLogLine } from './log-json.js';
import { explainPasscommandFailure } from './passcommand-errors.js';
import { PlainQuestionReader } from './plain-questions.js';
import { RunObserver } from './run-observer.js';
import { spawnFailure } from './spawn-errors.js';
import { capabilitiesOf } from './command-shape.js';
import { unsupportedLocationError } from './location-guard.js';
import { prepareSftpRun } from './sftp-run.js';
import { prepareSshRun, sshLogEvent, type SshRun } from './ssh-run.js';
import { collect, errno, writeSecret } from './stream-helpers.js';
import { deadline, watchAbort } from './stop-timers.js';

export type { BorgContext, BorgRunResult, RunBorgOptions } from './exec-types.js';
export { buildBorgEnv, KNOWN_PROMPTS, PASSPHRASE_FD, type BorgEnvOptions, type BorgFolders } from './env.js';

/**
 * killGraceMs for every command but create: borg 1.2 takes a first SIGINT only as "write a
 * checkpoint" (helpers.process.SigIntManager), which nothing but create acts on, so extract, list or
 * diff would run on until SIGTERM. SIGTERM ends them at once and cleanly (the lock is released).
 */
export const STOP_AT_ONCE_MS = 0;
// setsid() on POSIX: no controlling terminal, and borg leads a process group we can signal as a whole.
export const OWN_SESSION = process.platform !== 'win32';

/** Runs `borg --log-json <args>`; resolves on an accepted exit code, otherwise rejects with a BorgError. */
export async function runBorg(
  args: readonly string[],
  ctx: BorgContext,
  options: RunBorgOptions = {},
): Promise<BorgRunResult> {
  if (ctx.signal?.aborted) throw new BorgError({ code: 'Cancelled', message: 'The task was cancelled.' });
  const unsupported = unsupportedLocationError(args, capabilitiesOf(ctx));
  if (unsupported !== undefined) throw unsupported;
  const ssh = prepareSshRun(process.env, {
    knownHostsFile: ctx.sshKnownHostsFile,
    identityFile: ctx.sshIdentityFile,
    connectTimeoutSeconds: ctx.sshConnectTimeoutSeconds,
  });
  const sftp = prepareSftpRun(args, process.env, {
    knownHostsFile: ctx.sshKnownHostsFile,
    identityFile: ctx.sshIdentityFile,
  });
  try {
    return await runWithEnv(args, ctx, options, ssh, sftp.env);
  } finally {
    await ssh.dispose();
    await sftp.dispose();
  }
}

async function runWithEnv(
  args: readonly string[],
  ctx: BorgContext,
  options: RunBorgOptions,
  ssh: SshRun,
  sftpEnv: Readonly<Record<string, string>>,
): Promise<BorgRunResult> {
  const onFd = ctx.passphrase !== undefined;
  const otherOnFd = ctx.otherPassphrase !== undefined;
  const env = {
    ...buildBorgEnv(process.env, {
      passphraseOnFd: onFd,
      passcommand: ctx.passcommand,
      otherPassphraseOnFd: otherOnFd,
      otherPasscommand: ctx.otherPasscommand,
      consentedPrompts: ctx.consentedPrompts,
      folders: ctx.folders,
      rsh: ssh.rsh,
      borgDir: path.dirname(ctx.borgPath),
    }),
    ...sftpEnv,
  };
  const onStdin = options.stdin !== undefined;
  const borgArgs = ['--log-json', ...commonOptions(ctx), ...args];
  const launch = ctx.lowPriority
    ? lowPriorityLaunch(ctx.borgPath, borgArgs, process.platform)
    : { file: ctx.borgPath, args: borgArgs, wrapped: false };
  const { child, exit } = startProcess(launch.file, launch.args, {
    stdio: [onStdin ? 'pipe' : 'ignore', 'pipe', 'pipe', ...secretPipes(onFd, otherOnFd)],
    env,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    detached: OWN_SESSION,
    windowsHide: true,
  });
  if (onFd) writeSecret(child?.stdio?.[3], ctx.passphrase ?? '');
  if (otherOnFd) writeSecret(child?.stdio?.[4], ctx.otherPassphrase ?? '');
  if (onStdin) writeSecret(child?.stdin, options.stdin ?? '');

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
  const questions = new PlainQuestionReader();
  const handleStderr = (lines: readonly string[]): void => {
    for (const line of lines) {
      if (line === '') continue;
      for (const event of questions.read(parseLogLine(line))) {
        observer.observe(event);
        if (ctx.onEvent) safely(() => ctx.onEvent?.(event));
      }
    }
  };
  child?.stderr?.on('data', (chunk: Buffer) => handleStderr(stderrLines.push(chunk)));

  const stdoutChunks: Buffer[] = [];
  const stdoutLines = new LineSplitter();
  const handleStdout = (lines: readonly string[]): void => {
    for (const line of lines) if (line !== '') safely(() => options.onStdoutLine?.(line));
  };
  child?.stdout?.on('data', (chunk: Buffer) => {
    if (options.onStdoutLine) handleStdout(stdoutLines.push(chunk));
    else stdoutChunks.push(chunk);
  });

  const stopper = watchAbort(
    child === undefined ? undefined : ctx.signal,
    (signal) => child && signalGroup(child, signal),
    options.killGraceMs,
  );
  const ended = await exit.finally(() => stopper.dispose());
  const wrapperError = lowPriorityExitError(launch, ended.exitCode);
  const result = wrapperError === undefined ? ended : { ...ended, spawnError: wrapperError };
  handleStderr(stderrLines.end());
  if (options.onStdoutLine) handleStdout(stdoutLines.end());
  if (listenerError !== undefined) throw listenerError;

  if (result.spawnError !== undefined || (result.exitCode === null && result.signal === null)) {
    if (stopper.cancelled) throw new BorgError({ code: 'Cancelled', message: 'The task was cancelled.' });
    throw spawnFailure(result.spawnError, {
      name: 'borg',
      file: ctx.borgPath,
      isBorg: true,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
  }
  const rc = result.exitCode ?? 128 + (osConstants.signals[result.signal ?? 'SIGKILL'] ?? 9);
  // okExitCodes and callers speak legacy codes; a borg that answers in modern ones (exit-codes.ts) fits them.
  const legacyRc = legacyExitCode(rc);
  const okCodes = options.okExitCodes ?? [0];
  // An aborted run is Cancelled whatever borg's exit code: `borg with-lock` exits 0 once its command
  // dies of the SIGINT. (A create that committed just before the signal still shows up in the next list.)
  if (stopper.cancelled || !okCodes.includes(legacyRc)) {
    const sshLog = stopper.cancelled ? [] : await ssh.readLog();
    const failed = { ...observer.failure(rc, stopper.cancelled), ...(sshLog.length > 0 && { sshLog }) };
    for (const line of sshLog) if (ctx.onEvent) safely(() => ctx.onEvent?.(sshLogEvent(line)));
    const error = explainPasscommandFailure(
      borgErrorFromRun(failed),
      failed,
      onFd ? undefined : ctx.passcommand,
    );
    if (error.code === 'PassphraseWrong' && onFd) ctx.onPassphraseRejected?.();
    throw (
      (await fromOtherBorg(error, failed.errors, ctx)) ??
      (error.code === 'RepositoryVersionUnsupported' ? await namingThisBorg(error, ctx.borgPath) : error)
    );
  }
  const stdout = Buffer.concat(stdoutChunks).toString('utf8');
  return { exitCode: legacyRc, stdout, warnings: observer.warnings };
}

/** stdio entries 3 (passphrase) and 4 (the other repository's); fd 3 stays closed when only fd 4 is used. */
function secretPipes(onFd: boolean, otherOnFd: boolean): ('pipe' | 'ignore')[] {
  if (otherOnFd) return [onFd ? 'pipe' : 'ignore', 'pipe'];
  return onFd ? ['pipe'] : [];
}

/** How a started process ended; spawnError is the errno code when it never ran. */
export interface ProcessExit {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly spawnError?: string;
}

/** A started process (undefined when spawn() threw) and its end. */
export interface StartedProcess {
  readonly child: ChildProcess | undefined;
  readonly exit: Promise<ProcessExit>;
}

// How long the output pipes may stay open after the process exited (a grandchild that inherited
// them, e.g. a daemon a hook started) before they are closed from this side.
const PIPE_CLOSE_GRACE_MS = 2_000;

/**
 * The one spawn() call. It never throws and never leaves an 'error' event unheard: spawn() throws
 * for E2BIG/ENOMEM, emits 'error' on the next tick for ENOENT, EACCES, EAGAIN, EMFILE and ENFILE,
 * and for EMFILE/ENFILE returns a child without stdio at all. Each becomes a spawnError.
 */
export function startProcess(file: string, args: readonly string[], options: SpawnOptions): StartedProcess {
  let child: ChildProcess;
  try {
    child = spawn(file, args, options);
  } catch (e) {
    return {
      child: undefined,
      exit: Promise.resolve({ exitCode: null, signal: null, spawnError: errno(e) }),
    };
  }
  const exit = new Promise<ProcessExit>((resolve) => {
    let spawnError: string | undefined;
    let pipeTimer: NodeJS.Timeout | undefined;
    child.on('error', (e) => {
      // After a successful start, 'error' only means a kill() failed; the process still ends normally.
      if (child.pid !== undefined) return;
      spawnError ??= errno(e) ?? 'UNKNOWN';
      resolve({ exitCode: null, signal: null, spawnError });
    });
    child.once('exit', () => {
      pipeTimer = setTimeout(() => {
        for (const stream of child.stdio ?? []) stream?.destroy();
      }, PIPE_CLOSE_GRACE_MS);
      pipeTimer.unref();
    });
    child.once('close', (exitCode: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(pipeTimer);
      resolve(spawnError === undefined ? { exitCode, signal } : { exitCode, signal, spawnError });
    });
  });
  return { child, exit };
}

// Names the installed borg in the message; a failing probe keeps the general words.
async function namingThisBorg(error: BorgError, borgPath: string): Promise<BorgError> {
  const version = await probeVersion(borgPath);
  if (version === undefined) return error;
  return new BorgError({
    code: error.code,
    message: error.message.replace('this borg cannot', `this borg (${version}) cannot`),
    ...(error.remedy === undefined ? {} : { remedy: error.remedy }),
    ...(error.msgid === undefined ? {} : { msgid: error.msgid }),
    ...(error.rc === undefined ? {} : { rc: error.rc }),
  });
}

// The version of the borg at borgPath ("1.4.0"), or undefined when it does not say.
async function probeVersion(borgPath: string): Promise<string | undefined> {
  const probe = await runBorgVersion(borgPath, 5_000);
  return probe.ok ? /\bborg(?:\.exe)?\s+v?(\d[\w.+-]*)/.exec(probe.output)?.[1] : undefined;
}

// A repository of the other major version (other-borg.ts), named with the version that ran.
async function fromOtherBorg(
  error: BorgError,
  logged: readonly { readonly message: string }[],
  ctx: BorgContext,
): Promise<BorgError | undefined> {
  const errors = logged.map((e) => e.message);
  if (otherBorgMajor(errors) === undefined) return undefined;
  const version = ctx.capabilities?.version ?? (await probeVersion(ctx.borgPath));
  return otherBorgError(error, errors, version);
}

// Like Ctrl-C in a terminal, signal borg's whole process group: borg expects its children (a
// with-lock command, a passcommand) to get the signal too, and ignores SIGINT only in ssh.
export function signalGroup(
  child: { pid?: number | undefined; kill(signal: NodeJS.Signals): boolean },
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

/** What `borg --version` printed, or why it could not run. */
export type VersionProbe =
  { readonly ok: true; readonly output: string } | { readonly ok: false; readonly detail: string };

/** Runs `borg --version` (no --log-json, no secrets), with a time limit. */
export async function runBorgVersion(borgPath: string, timeoutMs = 15_000): Promise<VersionProbe> {
  const result = await runProgram(borgPath, ['--version'], { timeoutMs, env: buildBorgEnv(process.env, {}) });
  if (result.spawnError !== undefined) {
    const failure = spawnFailure(result.spawnError, { name: 'borg', file: borgPath, isBorg: true });
    return { ok: false, detail: `${result.spawnError}: ${failure.message}` };
  }
  if (result.exitCode === 0) return { ok: true, output: `${result.stdout}\n${result.stderr}`.trim() };
  if (result.timedOut) return { ok: false, detail: `"${borgPath} --version" did not finish in time.` };
  const said = result.stderr.trim().split('\n').pop();
  const reason =
    result.exitCode === null ? `stopped by ${result.signal ?? 'a signal'}` : `exit code ${result.exitCode}`;
  return { ok: false, detail: said ? `${reason}: ${said}` : reason };
}

/** How a short helper program ended; stdout and stderr keep their first 64 KiB. */
export interface ProgramResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** The errno code when it never ran (ENOENT…). */
  readonly spawnError?: string;
}

/**
 * Runs a short helper program (borg --version, ssh-keyscan, ssh-keygen, fusermount, ps) with argv
 * only — never a shell — no stdin, its own session, and a time limit after which its process group
 * is killed. Never rejects: the caller judges the exit code.
 */
export async function runProgram(
  file: string,
  args: readonly string[],
  options: { readonly timeoutMs: number; readonly env?: NodeJS.ProcessEnv; readonly cwd?: string },
): Promise<ProgramResult> {
  const { child, exit } = startProcess(file, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    env: options.env ?? { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    detached: OWN_SESSION,
    windowsHide: true,
  });
  const stdout = collect(child?.stdout);
  const stderr = collect(child?.stderr);
  const limit = deadline(options.timeoutMs, () => child && signalGroup(child, 'SIGKILL'));
  const result = await exit.finally(() => limit.dispose());
  return { ...result, stdout: stdout(), stderr: stderr(), timedOut: limit.expired };
}
