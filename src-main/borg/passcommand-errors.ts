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
    return new BorgError({ ...base, code: 'PassphraseWrong', message });
  }
  const texts = run.errors.map((e) => e.message);
  if (error.code === 'PasscommandFailed') {
    return new BorgError({
      ...base,
      code: 'PasscommandFailed',
      message: `${named} ${failureOf(texts, run)}.`,
    });
  }
  const traceback = texts.find((t) => t.includes('env_passcommand'));
  const osError = traceback === undefined ? null : OS_ERROR.exec(traceback);
  if (osError !== null) {
    const message = `${named} could not be started (${osError[2]?.trim().toLowerCase() ?? osError[1]}).`;
    return new BorgError({ ...base, code: 'PasscommandFailed', message });
  }
  return error;
}

/** "failed (exit code 2: gpg: decryption failed)" and the like, from borg's message and the command's stderr. */
function failureOf(texts: readonly string[], run: FailedRun): string {
  const text = texts.join('\n');
  const stderr = run.rawLines.map((line) => line.trim()).find((line) => line !== '');
  const said = stderr === undefined ? '' : `: ${shorten(stderr)}`;
  const status = EXIT_STATUS.exec(text)?.[1];
  if (status !== undefined) return `failed (exit code ${status}${said})`;
  const signal = DIED.exec(text)?.[1];
  if (signal !== undefined) return `was stopped by ${signal}${said}`;
  const missing = NOT_FOUND.exec(text)?.[1];
  if (missing !== undefined) return `could not be started: there is no program “${missing}”`;
  return `failed${said}`;
}

function shorten(line: string, max = 200): string {
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
