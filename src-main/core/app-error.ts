/**
 * Errors the core raises itself (bad input, unknown ids, missing passphrase). They cross the IPC
 * boundary in the same serialized shape as borg's own errors, so the UI treats both alike.
 */
import type { ErrorDetail, ErrorParams, SerializedError } from '../model/errors.js';

/** Codes the core uses for its own errors; borg failures keep their BorgError codes. */
export type AppErrorCode =
  | 'InvalidInput'
  | 'NotFound'
  | 'DuplicateRepository'
  | 'DifferentRepository'
  | 'PassphraseRequired'
  | 'FolderUnreadable'
  | 'BorgNotFound'
  | 'PlatformUnsupported'
  | 'Disposed'
  | 'Cancelled'
  | 'AlreadyExists'
  | 'RepositoryMounted'
  | 'MountBusy'
  | 'Busy'
  | 'MountUnavailable'
  | 'ConfigDiskFull'
  | 'ConfigNotWritable'
  | 'ConfigReadOnly'
  | 'RestoreTestFailed'
  | 'Internal';

/** A failure the core detected: a stable code, a plain-language message and what to do next. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly remedy?: string;
  /** The variant the UI words (`errors:<code>.reasons.<reason>`); see SerializedError. */
  readonly reason?: string;
  readonly params?: ErrorParams;

  /** `message` and `remedy` are English for the log; `detail` names the words the UI shows. */
  constructor(code: AppErrorCode, message: string, remedy?: string, detail?: ErrorDetail) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (remedy !== undefined) this.remedy = remedy;
    if (detail?.reason !== undefined) this.reason = detail.reason;
    if (detail?.params !== undefined) this.params = { ...detail.params };
  }

  /** The shape that crosses the IPC boundary (never a stack). */
  toSerialized(): SerializedError {
    const out: SerializedError = { code: this.code, message: this.message };
    if (this.remedy !== undefined) out.remedy = this.remedy;
    if (this.reason !== undefined) out.reason = this.reason;
    if (this.params !== undefined) out.params = { ...this.params };
    return out;
  }
}

/** True when `e` is an AppError raised by the core. */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
