/**
 * BorgError and the rules that turn a failed borg run into one. Exit codes (borg docs, "Return
 * codes"): 0 success, 1 warning, 2 error, 128+N killed by signal N, or their modern form (exit-codes.ts).
 * The cause comes from the msgid of borg's final ERROR log line, then from what the errors name
 * (failure-causes.ts), then from a modern exit code, then from the signal that stopped borg; argument errors are plain text because borg parses arguments before it
 * sets up JSON logging. A WARNING is never the reason of a failure that has another one: after a
 * killed run, the next run's "Removed stale lock" notices are just housekeeping.
 */
import { constants as osConstants } from 'node:os';
import type { ErrorParams, SerializedError } from '../model/errors.js';
import {
  MSGID_CATALOG,
  PROMPT_DESCRIPTIONS,
  PROMPT_REFUSED_REMEDY,
  type BorgErrorCode,
} from './error-catalog.js';
import {
  appendOnlyCause,
  diskFullCause,
  archiveMatchCause,
  lockFailedCause,
  repositoryVersionCause,
  tracebackCause,
  type FailureCause,
  type FullDisk,
} from './failure-causes.js';
import { exitKind, msgidOfModernCode } from './exit-codes.js';
import { sftpFailureCause } from './sftp-failures.js';
import { closedAfterLogin, sshFailureCause, type SshHost } from './ssh-failures.js';

export type { BorgErrorCode } from './error-catalog.js';

/** Fields of a BorgError: its cause, and the msgid and exit code (legacy or modern form) of the run. */
export interface BorgErrorInit extends FailureCause {
  readonly msgid?: string;
  readonly rc?: number;
  /** For the host-key codes: the server whose key the user may check and accept. */
  readonly sshHost?: SshHost | undefined;
}

/** A failed borg run: code + plain-language message + what to do; carries msgid and exit code. */
export class BorgError extends Error {
  readonly code: BorgErrorCode;
  readonly remedy?: string;
  readonly reason?: string;
  readonly params?: ErrorParams;
  readonly msgid?: string;
  readonly rc?: number;
  readonly prompt?: string;
  /** For PromptRefused: borg's own question, as it printed it (without the "[yN]" of a terminal). */
  readonly question?: string;
  readonly fullDisk?: FullDisk;
  readonly sshHost?: SshHost;

  constructor(init: BorgErrorInit) {
    super(init.message);
    this.name = 'BorgError';
    this.code = init.code;
    if (init.remedy !== undefined) this.remedy = init.remedy;
    if (init.reason !== undefined) this.reason = init.reason;
    if (init.params !== undefined) this.params = { ...init.params };
    if (init.msgid !== undefined) this.msgid = init.msgid;
    if (init.rc !== undefined) this.rc = init.rc;
    if (init.prompt !== undefined) this.prompt = init.prompt;
    if (init.question !== undefined) this.question = init.question;
    if (init.fullDisk !== undefined) this.fullDisk = init.fullDisk;
    if (init.sshHost !== undefined) this.sshHost = init.sshHost;
  }

  /** The shape that crosses IPC; never includes a stack trace. */
  toSerialized(): SerializedError {
    const out: SerializedError = { code: this.code, message: this.message };
    if (this.remedy !== undefined) out.remedy = this.remedy;
    if (this.reason !== undefined) out.reason = this.reason;
    if (this.params !== undefined) out.params = { ...this.params };
    if (this.msgid !== undefined) out.msgid = this.msgid;
    if (this.rc !== undefined) out.rc = this.rc;
    if (this.fullDisk !== undefined) out.fullDisk = this.fullDisk;
    if (this.question !== undefined) out.question = this.question;
    if (this.sshHost !== undefined) out.sshHost = { ...this.sshHost };
    return out;
  }
}

/** True for errors raised by the borg layer. */
export function isBorgError(e: unknown): e is BorgError {
  return e instanceof BorgError;
}

/** The error for a known msgid, or undefined when the catalog does not know it. */
export function errorForMsgid(msgid: string, rc?: number): BorgError | undefined {
  const entry = Object.hasOwn(MSGID_CATALOG, msgid) ? MSGID_CATALOG[msgid] : undefined;
  return entry ? new BorgError({ ...entry, msgid, rc }) : undefined;
}

/** What a run left behind that explains its failure. */
export interface FailedRun {
  /** Borg's exit code; for a child killed by a signal, 128 + the signal number. */
  readonly rc: number;
  readonly cancelled: boolean;
  /** ERROR and CRITICAL log messages, in order. */
  readonly errors: readonly { readonly message: string; readonly msgid?: string }[];
  /** The last WARNING log messages: evidence of a cause, the reason only for exit code 1. */
  readonly warnings?: readonly { readonly message: string; readonly name?: string }[];
  /** The last lines that were not JSON (argument errors, Python warnings). */
  readonly rawLines: readonly string[];
  /** The prompt borg answered "no" to (stdin at EOF or our BORG_*=no), if any. */
  readonly refusedPrompt?: { readonly msgid?: string; readonly message: string };
  /** What ssh logged for this run (its `-E` file), when Borgdesk gave borg its ssh command. */
  readonly sshLog?: readonly string[];
}

/** Chooses the error a failed run reports (see the module comment for the rules). */
export function borgErrorFromRun(run: FailedRun): BorgError {
  const { rc } = run;
  if (run.cancelled) return new BorgError({ code: 'Cancelled', message: 'The task was cancelled.', rc });
  const refused = run.refusedPrompt ?? unannouncedPrompt(run);
  if (refused) return promptRefusedError(refused, rc);

  const errorTexts = run.errors.map((e) => e.message);
  const warningTexts = (run.warnings ?? []).map((w) => w.message);
  const withMsgid = [...run.errors].reverse().find((e) => e.msgid !== undefined);
  const msgid = withMsgid?.msgid;
  const named =
    (msgid === 'Repository.InvalidRepositoryConfig' ? repositoryVersionCause(errorTexts) : undefined) ??
    (msgid === 'LockFailed' && withMsgid ? lockFailedCause(withMsgid.message) : undefined) ??
    (msgid === 'CommandError' && withMsgid ? archiveMatchCause(withMsgid.message) : undefined);
  if (named) return new BorgError({ ...named, msgid, rc });
  const ssh = msgid !== undefined && CONNECTION_CLOSED.has(msgid) ? sshCause(run) : undefined;
  if (ssh) return new BorgError({ ...ssh, msgid, rc });
  const known = msgid === undefined ? undefined : errorForMsgid(msgid, rc);
  if (known) return known;
  const byExitCode = msgid === undefined ? msgidOfModernCode(rc) : undefined;
  const knownByExitCode = byExitCode === undefined ? undefined : errorForMsgid(byExitCode, rc);
  if (knownByExitCode) return knownByExitCode;

  const cause =
    (msgid === 'Exception' || msgid === 'Error' ? sftpFailureCause(errorTexts) : undefined) ??
    diskFullCause(errorTexts, warningTexts) ??
    repositoryVersionCause(errorTexts) ??
    appendOnlyCause(errorTexts) ??
    (msgid === 'Exception' ? tracebackCause(errorTexts) : undefined);
  if (cause) return new BorgError({ ...cause, ...(msgid === undefined ? {} : { msgid }), rc });
  if (rc >= 128) return signalError(rc);

  const argumentError = findArgumentError(run.rawLines);
  // Borg 2 checks a new archive's name when it starts (helpers/parseformat.py archivename_validator).
  if (argumentError?.includes('Invalid archive name') === true) {
    const borgText = shorten(argumentError.replace(/^argument NAME: /, ''));
    const message = `Borg did not accept the archive name: ${borgText}`;
    return new BorgError({
      code: 'InvalidArchiveName',
      message,
      remedy: 'Choose another archive name.',
      rc,
      reason: 'borgRefusedName',
      params: { borgText },
    });
  }
  if (argumentError !== undefined) {
    const message = `Borg did not accept the command: ${argumentError}`;
    return new BorgError({
      code: 'InvalidArguments',
      message,
      rc,
      reason: 'borgRefusedCommand',
      params: { borgText: argumentError },
    });
  }
  if (msgid === 'Exception') {
    const remedy = "Borg's details are in the job log. Please report this if it keeps happening.";
    return new BorgError({
      code: 'BorgFailed',
      message: 'Borg hit an unexpected error.',
      remedy,
      msgid,
      rc,
      reason: 'borgHitUnexpectedError',
    });
  }
  const last = withMsgid ?? run.errors[run.errors.length - 1];
  if (last) {
    const borgText = shorten(last.message);
    return new BorgError({
      code: 'BorgFailed',
      message: borgText,
      msgid: last.msgid,
      rc,
      reason: 'borgSaid',
      params: { borgText },
    });
  }
  const warning = exitKind(rc) === 'warning' ? lastRealWarning(run.warnings ?? []) : undefined;
  if (warning !== undefined) {
    const borgText = shorten(warning);
    const message = `Borg finished with a warning: ${borgText}`;
    return new BorgError({
      code: 'BorgFailed',
      message,
      remedy: 'See the job log for details.',
      rc,
      reason: 'borgWarned',
      params: { borgText },
    });
  }
  const lastRaw = [...run.rawLines].reverse().find((line) => line.trim() !== '');
  if (lastRaw === undefined) {
    return new BorgError({
      code: 'BorgFailed',
      message: `Borg failed with exit code ${rc}.`,
      rc,
      reason: 'exitCode',
      params: { rc },
    });
  }
  const borgText = shorten(lastRaw);
  return new BorgError({
    code: 'BorgFailed',
    message: borgText,
    rc,
    reason: 'borgSaid',
    params: { borgText },
  });
}

/** The error for a borg that died of signal rc - 128 (a kill, the out-of-memory killer, a logout). */
export function signalError(rc: number): BorgError {
  const number = rc - 128;
  const name = Object.entries(osConstants.signals).find(([, n]) => n === number)?.[0];
  const message = `Borg was stopped by signal ${number}${name === undefined ? '' : ` (${name})`}.`;
  const remedy =
    name === 'SIGKILL'
      ? 'Run the task again. If nobody stopped borg, the system may have run out of memory and ended it.'
      : 'Run the task again.';
  return new BorgError({
    code: 'Interrupted',
    message,
    remedy,
    rc,
    reason: name === undefined ? 'signal' : name === 'SIGKILL' ? 'killed' : 'namedSignal',
    params: { number, name: name ?? '' },
  });
}

const CONNECTION_CLOSED: ReadonlySet<string> = new Set(['ConnectionClosed', 'ConnectionClosedWithHint']);

// ssh's own log names the cause; borg's relayed "Remote:" lines (the server's stderr) may add one.
function sshCause(run: FailedRun): ReturnType<typeof sshFailureCause> {
  const relayed = (run.warnings ?? []).map((w) => w.message).filter((m) => m.startsWith('Remote: '));
  const lines = [...(run.sshLog ?? []), ...relayed];
  return sshFailureCause(lines) ?? closedAfterLogin(run.sshLog ?? []);
}

// Lock housekeeping after an earlier run was killed is not a problem of this run.
const HOUSEKEEPING = /^(Killed stale lock|Removed stale (exclusive|shared) roster lock)/;

function lastRealWarning(warnings: readonly { message: string; name?: string }[]): string | undefined {
  return [...warnings].reverse().find((w) => !HOUSEKEEPING.test(w.message))?.message;
}

// The refusals that end borg's two repository questions, and the question each one answers.
const PROMPT_OF_REFUSAL: Readonly<Record<string, string>> = {
  'Cache.CacheInitAbortedError': 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK',
  'Cache.RepositoryAccessAborted': 'BORG_RELOCATED_REPO_ACCESS_IS_OK',
};

/**
 * A question borg asked as plain text (borg 2 logs no question_prompt event): its refusal's msgid
 * names it, and the text lines before borg's "[yN]" are the question.
 */
function unannouncedPrompt(run: FailedRun): { msgid: string; message: string } | undefined {
  const refusal = run.errors.find((e) => e.msgid !== undefined && Object.hasOwn(PROMPT_OF_REFUSAL, e.msgid));
  const msgid = refusal?.msgid === undefined ? undefined : PROMPT_OF_REFUSAL[refusal.msgid];
  if (msgid === undefined) return undefined;
  const asked = run.rawLines.findLastIndex((line) => line.includes('[yN]'));
  if (asked < 0) return { msgid, message: '' };
  // Borg's questions start with a "Warning: …" line before "Do you want to continue? [yN]".
  const warning = run.rawLines[asked - 1];
  const question = (run.rawLines[asked] ?? '').replace(/\[yN\].*$/, '[yN]');
  return { msgid, message: warning?.startsWith('Warning:') ? `${warning} ${question}` : question };
}

function promptRefusedError(prompt: { msgid?: string; message: string }, rc: number): BorgError {
  const msgid = prompt.msgid;
  const described = msgid !== undefined && Object.hasOwn(PROMPT_DESCRIPTIONS, msgid);
  const question = borgQuestionText(prompt.message);
  const what = described ? PROMPT_DESCRIPTIONS[msgid] : question;
  return new BorgError({
    code: 'PromptRefused',
    message:
      `Borg asks a question about this repository and stopped until it is answered. ${what ?? ''}`.trim(),
    remedy: PROMPT_REFUSED_REMEDY,
    msgid,
    rc,
    prompt: msgid,
    ...(question === '' ? {} : { question }),
  });
}

/** Borg's question as a person reads it: the terminal's "[yN]" / "Type 'YES'" answer hint is our buttons now. */
export function borgQuestionText(message: string): string {
  return message
    .replace(/\s*\[yN\]\s*$/i, '')
    .replace(/\s*Type '?YES'? if you understand this and want to continue:?\s*$/i, '')
    .trim();
}

// argparse prints "borg: error: <what>" (after a usage block) and exits with 2; borg 2's
// subcommand parsers name the command: "borg list: error: …", "borg key export: error: …".
function findArgumentError(lines: readonly string[]): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = /^borg(?:\.exe)?(?: [a-z][\w-]*)*: error: (.+)$/.exec(lines[i] ?? '');
    if (match?.[1] !== undefined) return match[1].trim();
  }
  return undefined;
}

// A message is for people: a traceback that slipped through is cut, the job log keeps all of it.
function shorten(text: string, max = 500): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1)}…`;
}
