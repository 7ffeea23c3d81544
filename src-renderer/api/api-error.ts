/**
 * The error every API call rejects with, on both transports: it carries the core's serialized error
 * fields, so the UI can show `message`, offer `remedy` and branch on `code`.
 */
import type { SerializedError } from '../../src-main/model/errors.js';

/** A failed request: the core's (or the transport's) error with a stable `code`. */
export class ApiError extends Error implements SerializedError {
  readonly code: string;
  readonly remedy?: string;
  readonly reason?: string;
  readonly params?: SerializedError['params'];
  readonly msgid?: string;
  readonly rc?: number;
  readonly question?: string;
  readonly sshHost?: SerializedError['sshHost'];
  readonly major?: number;

  constructor(error: SerializedError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    if (error.remedy !== undefined) this.remedy = error.remedy;
    if (error.reason !== undefined) this.reason = error.reason;
    if (error.params !== undefined) this.params = error.params;
    if (error.msgid !== undefined) this.msgid = error.msgid;
    if (error.rc !== undefined) this.rc = error.rc;
    if (error.question !== undefined) this.question = error.question;
    if (error.sshHost !== undefined) this.sshHost = error.sshHost;
    if (error.major !== undefined) this.major = error.major;
  }
}

const isSerializedError = (value: unknown): value is SerializedError =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { code?: unknown }).code === 'string' &&
  typeof (value as { message?: unknown }).message === 'string';

/** Normalise whatever a transport rejected with into an ApiError. */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason;
  if (isSerializedError(reason)) return new ApiError(reason);
  if (reason instanceof Error) return new ApiError({ code: 'Internal', message: reason.message });
  return new ApiError({ code: 'Internal', message: String(reason) });
}
