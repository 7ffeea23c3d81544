/**
 * The browser host's last line of defence. Every request, upgrade and socket handler catches its own
 * failures; if a throw still escapes (a bug), ending the process would also end every running backup,
 * so it is logged and the host keeps serving.
 */

import { log as coreLog } from '../core/logging/log.js';

/** What the safety net listens on; `process` in the host, an EventEmitter in tests. */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/** Log uncaught exceptions and unhandled rejections instead of exiting. */
export function installProcessSafetyNet(
  target: ProcessEvents,
  log: (message: string, error: unknown) => void = (message, error) => coreLog.error(message, error),
): void {
  target.on('uncaughtException', (error) =>
    log('An unexpected error escaped its handler; the host keeps running', error),
  );
  target.on('unhandledRejection', (reason) =>
    log('An unexpected rejection escaped its handler; the host keeps running', reason),
  );
}
