/**
 * Turns whatever a failed call threw into the two things the UI shows: what happened and what to
 * do. Only `message` and `remedy` are read, so a stack trace can never reach the screen. The core
 * sends a code, a reason and params; `wordError` finds their words in the `errors` catalog, and the
 * core's English `message` / `remedy` are only the last fallback (for a code the catalog lacks).
 */
import i18next from 'i18next';
import { LOCATION_PROBLEM_REASON, locationErrorWords } from './core-words/input-problem.js';

/** The values an error's sentence interpolates: names, paths and counts, shown as given. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** What the UI displays for a failure. */
export interface ErrorInfo {
  readonly message: string;
  readonly remedy?: string;
  readonly code?: string;
  /** The variant of `code` whose words the catalog has (`errors:<code>.reasons.<reason>`). */
  readonly reason?: string;
  readonly params?: ErrorParams;
  /** Borg's msgid; for a question borg asked (code PromptRefused) the env var that answers it. */
  readonly msgid?: string;
  /** For a question borg asked: its own words, shown in the question dialog. */
  readonly question?: string;
  /** For an unknown or changed ssh host key: the server whose key the user can check. */
  readonly sshHost?: { readonly host: string; readonly port: number };
  /** For RepositoryFromOtherBorg: the major version of borg that made the repository. */
  readonly major?: number;
}

/** The param that carries borg's own words, verbatim (shown marked as borg's, never translated). */
export const BORG_TEXT_PARAM = 'borgText';

function sshHostField(value: object): ErrorInfo['sshHost'] {
  const field: unknown = (value as Record<string, unknown>)['sshHost'];
  if (typeof field !== 'object' || field === null) return undefined;
  const { host, port } = field as Record<string, unknown>;
  return typeof host === 'string' && typeof port === 'number' ? { host, port } : undefined;
}

function paramsField(value: object): ErrorParams | undefined {
  const field: unknown = (value as Record<string, unknown>)['params'];
  if (typeof field !== 'object' || field === null) return undefined;
  const entries = Object.entries(field as Record<string, unknown>).filter(
    (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
  );
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function stringField(value: object, key: string): string | undefined {
  const field: unknown = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.length > 0 ? field : undefined;
}

/** Normalises an `ApiError`, a serialized error, an `Error` or anything else into an `ErrorInfo`. */
export function toErrorInfo(
  error: unknown,
  fallback: string = i18next.t('common:somethingWentWrong'),
): ErrorInfo {
  if (typeof error === 'string' && error.length > 0) return { message: error };
  if (typeof error !== 'object' || error === null) return { message: fallback };
  const message = stringField(error, 'message') ?? fallback;
  const remedy = stringField(error, 'remedy');
  const code = stringField(error, 'code');
  const reason = stringField(error, 'reason');
  const params = paramsField(error);
  const msgid = stringField(error, 'msgid');
  const question = stringField(error, 'question');
  const sshHost = sshHostField(error);
  const major: unknown = (error as Record<string, unknown>)['major'];
  return {
    // A multi-line message is most likely a raw trace from a bug; keep only its first line.
    message: message.split('\n')[0] ?? fallback,
    ...(remedy ? { remedy } : {}),
    ...(code ? { code } : {}),
    ...(reason ? { reason } : {}),
    ...(params ? { params } : {}),
    ...(msgid ? { msgid } : {}),
    ...(question ? { question } : {}),
    ...(sshHost ? { sshHost } : {}),
    ...(typeof major === 'number' ? { major } : {}),
  };
}

/** An error as far as its words go: what `wordError` reads. */
export interface WordableError {
  readonly message: string;
  readonly remedy?: string | undefined;
  readonly code?: string | undefined;
  readonly reason?: string | undefined;
  readonly params?: ErrorParams | undefined;
}

/** The words of an error in the UI's language. */
export interface ErrorWords {
  readonly message: string;
  readonly remedy?: string;
}

// Catalog keys are built from the code the core sent, so they cannot be checked against the JSON.
type LooseT = (key: string, options: Record<string, unknown>) => string;

/**
 * The catalog entry (`errors:` key prefix) for this error: its reason's; else its code's, when the
 * core said just the code's own words (a more specific English text without a reason would be lost).
 */
export function catalogEntryOf(error: WordableError): string | undefined {
  const { code, reason } = error;
  if (code === undefined || !i18next.isInitialized) return undefined;
  // i18next reads "." as nesting: a code or reason with a dot would reach into another entry.
  if (code.includes('.') || reason?.includes('.') === true) return undefined;
  const has = (key: string) => i18next.exists(`${key}.message`, { ns: 'errors' });
  if (reason !== undefined && has(`${code}.reasons.${reason}`)) return `${code}.reasons.${reason}`;
  if (!has(code)) return undefined;
  const generic: unknown = i18next.getResource('en', 'errors', `${code}.message`);
  return reason !== undefined || generic === error.message ? code : undefined;
}

/**
 * The words for `error`: its reason's catalog entry, else its code's, else the core's English.
 * A remedy is shown only when the core gave one; params are interpolated as given (no escaping:
 * React escapes). `borgText` may be replaced, so the caller can set borg's words apart.
 */
export function wordError(error: WordableError, borgText?: string): ErrorWords {
  // A refused location is worded from its problem's codes, as the Location field words it.
  const location = error.reason === LOCATION_PROBLEM_REASON ? locationErrorWords(error.params) : undefined;
  if (location !== undefined) return location;
  const entry = catalogEntryOf(error);
  if (entry === undefined) {
    return error.remedy === undefined
      ? { message: error.message }
      : { message: error.message, remedy: error.remedy };
  }
  const t = i18next.t.bind(i18next) as unknown as LooseT;
  const params = { ...error.params, ...(borgText === undefined ? {} : { [BORG_TEXT_PARAM]: borgText }) };
  const options = { ns: 'errors', ...params, interpolation: { escapeValue: false } };
  const message = t(`${entry}.message`, options);
  if (error.remedy === undefined) return { message };
  const remedyKey = `${entry}.remedy`;
  const remedy = i18next.exists(remedyKey, { ns: 'errors' }) ? t(remedyKey, options) : error.remedy;
  return { message, remedy };
}

/** Message and remedy in one line, for a tooltip or a table cell. */
export function errorSentence(error: WordableError): string {
  const words = wordError(error);
  return words.remedy === undefined ? words.message : `${words.message} ${words.remedy}`;
}
