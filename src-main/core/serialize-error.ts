/**
 * The one place that turns any thrown value into the SerializedError that crosses the IPC boundary.
 * Known errors keep their code, message and remedy; anything else becomes a generic 'Internal'
 * error, and its stack goes to the main-process console only, never to the UI.
 */
import { isBorgError } from '../borg/errors.js';
import type { SerializedError } from '../model/errors.js';
import { isAppError } from './app-error.js';
import { log } from './logging/log.js';

/** Message shown for unexpected failures; deliberately free of internals. */
export const INTERNAL_ERROR: SerializedError = {
  code: 'Internal',
  message: 'Something went wrong inside Borgdesk.',
  remedy: 'Try again. If it keeps happening, restart Borgdesk.',
};

/** True for errors that already carry a user-facing code and message (BorgError or AppError). */
export function isKnownError(e: unknown): boolean {
  return isBorgError(e) || isAppError(e);
}

/** Convert `e` to the serialized error shape; unexpected errors are logged with their stack. */
export function serializeError(e: unknown): SerializedError {
  if (isBorgError(e) || isAppError(e)) return e.toSerialized();
  log.error('unexpected error', e);
  return { ...INTERNAL_ERROR };
}
