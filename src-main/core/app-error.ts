/**
 * Errors the core raises itself (bad input, unknown ids, missing passphrase). They cross the IPC
 * boundary in the same serialized shape as borg's own errors, so the UI treats both alike.
 */
import type { SerializedError } from '../model/errors.js';

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

  constructor(code: AppErrorCode, message: string, remedy?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (remedy !== undefined) this.remedy = remedy;
  }

  /** The shape that crosses the IPC boundary (never a stack). */
  toSerialized(): SerializedError {
    return this.remedy === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, remedy: this.remedy };
  }
}

/** True when `e` is an AppError raised by the core. */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
