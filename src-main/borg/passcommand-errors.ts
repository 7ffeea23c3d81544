/**
 * Failures of the user's passcommand, told with the command's name (never its output). Borg 1.2
 * (crypto/key.py, Passphrase.env_passcommand) raises PasscommandFailure for a non-zero exit
 * ("Command '[...]' returned non-zero exit status N.") or a missing program ("[Errno 2] No such file
 * or directory: 'x'"); any other OSError (e.g. a file that is not executable) escapes as a traceback.
 * The command's stderr is inherited by borg, so it arrives among borg's non-JSON stderr lines.
 */
import { BorgError } from './errors.js';
import type { FailedRun } from './errors.js';

/** What to do about a passcommand that failed or printed the wrong passphrase. */
export const PASSCOMMAND_REMEDY =
  'Fix the passphrase command in the repository’s settings, or remove it there and unlock the repository by typing the passphrase.';

const EXIT_STATUS = /returned non-zero exit status (-?\d+)/;
const DIED = /died with <Signals\.(\w+): \d+>/;
const NOT_FOUND = /\[Errno 2\] No such file or directory: '(.*)'/;
// The last line of a traceback that started in env_passcommand, e.g. "PermissionError: [Errno 13] Permission denied: './x'".
const OS_ERROR = /^(\w+Error): \[Errno \d+\] ([^:\n]+)/m;

/** `error` retold for a run whose passphrase came from `passcommand`; unchanged for any other failure. */
export function explainPasscommandFailure(
  error: BorgError,
  run: FailedRun,
  passcommand: string | undefined,
): BorgError {
  if (passcommand === undefined || passcommand === '') return error;
  const named = `The passphrase command “${passcommand}”`;
  const base = {
    remedy: PASSCOMMAND_REMEDY,
    ...(error.msgid === undefined ? {} : { msgid: error.msgid }),
    rc: run.rc,
  };
  if (error.code === 'PassphraseWrong') {
    const message = `${named} printed a passphrase this repository does not accept.`;
    return new BorgError({
      ...base,
      code: 'PassphraseWrong',
      message,
      reason: 'passcommandWrong',
      params: { command: passcommand },
    });
  }
  const texts = run.errors.map((e) => e.message);
  if (error.code === 'PasscommandFailed') {
    const failure = failureOf(texts, run);
    return new BorgError({
      ...base,
      code: 'PasscommandFailed',
      message: `${named} ${failure.words}.`,
      reason: failure.reason,
      params: { command: passcommand, ...failure.params },
    });
  }
  const traceback = texts.find((t) => t.includes('env_passcommand'));
  const osError = traceback === undefined ? null : OS_ERROR.exec(traceback);
  if (osError !== null) {
    const why = osError[2]?.trim().toLowerCase() ?? osError[1] ?? '';
    const message = `${named} could not be started (${why}).`;
    return new BorgError({
      ...base,
      code: 'PasscommandFailed',
      message,
      reason: 'passcommandNotStarted',
      params: { command: passcommand, why },
    });
  }
  return error;
}

/** What a failed passcommand did, in English for the log and as a reason with params for the UI. */
interface PasscommandFailure {
  readonly words: string;
  readonly reason: 'passcommandExit' | 'passcommandSignal' | 'passcommandMissing' | 'passcommandFailed';
  readonly params: Readonly<Record<string, string>>;
}

/** "failed (exit code 2: gpg: decryption failed)" and the like, from borg's message and the command's stderr. */
function failureOf(texts: readonly string[], run: FailedRun): PasscommandFailure {
  const text = texts.join('\n');
  const stderr = run.rawLines.map((line) => line.trim()).find((line) => line !== '');
  // The command's own output, with its separator: data, shown as given.
  const said = stderr === undefined ? '' : `: ${shorten(stderr)}`;
  const status = EXIT_STATUS.exec(text)?.[1];
  if (status !== undefined) {
    return {
      words: `failed (exit code ${status}${said})`,
      reason: 'passcommandExit',
      params: { status, said },
    };
  }
  const signal = DIED.exec(text)?.[1];
  if (signal !== undefined) {
    return {
      words: `was stopped by ${signal}${said}`,
      reason: 'passcommandSignal',
      params: { signal, said },
    };
  }
  const missing = NOT_FOUND.exec(text)?.[1];
  if (missing !== undefined) {
    const words = `could not be started: there is no program “${missing}”`;
    return { words, reason: 'passcommandMissing', params: { program: missing } };
  }
  return { words: `failed${said}`, reason: 'passcommandFailed', params: { said } };
}

function shorten(line: string, max = 200): string {
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
