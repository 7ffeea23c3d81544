/**
 * Turns whatever a failed call threw into the two things the UI shows: what happened and what to
 * do. Only `message` and `remedy` are read, so a stack trace can never reach the screen.
 */
import i18next from 'i18next';

/** What the UI displays for a failure. */
export interface ErrorInfo {
  readonly message: string;
  readonly remedy?: string;
  readonly code?: string;
  /** Borg's msgid; for a question borg asked (code PromptRefused) the env var that answers it. */
  readonly msgid?: string;
  /** For a question borg asked: its own words, shown in the question dialog. */
  readonly question?: string;
  /** For an unknown or changed ssh host key: the server whose key the user can check. */
  readonly sshHost?: { readonly host: string; readonly port: number };
  /** For RepositoryFromOtherBorg: the major version of borg that made the repository. */
  readonly major?: number;
}

function sshHostField(value: object): ErrorInfo['sshHost'] {
  const field: unknown = (value as Record<string, unknown>)['sshHost'];
  if (typeof field !== 'object' || field === null) return undefined;
  const { host, port } = field as Record<string, unknown>;
  return typeof host === 'string' && typeof port === 'number' ? { host, port } : undefined;
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
  const msgid = stringField(error, 'msgid');
  const question = stringField(error, 'question');
  const sshHost = sshHostField(error);
  const major: unknown = (error as Record<string, unknown>)['major'];
  return {
    // A multi-line message is most likely a raw trace from a bug; keep only its first line.
    message: message.split('\n')[0] ?? fallback,
    ...(remedy ? { remedy } : {}),
    ...(code ? { code } : {}),
    ...(msgid ? { msgid } : {}),
    ...(question ? { question } : {}),
    ...(sshHost ? { sshHost } : {}),
    ...(typeof major === 'number' ? { major } : {}),
  };
}
