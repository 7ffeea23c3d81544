/**
 * The core's log. Every module of the core writes through `log`, which forwards to the logger the host
 * handed createCore (Services.logger: a rotating file in the desktop app, stderr in the browser host),
 * wrapped so secrets never reach it. Borgdesk runs one core per process, so one forwarding point serves
 * all modules without threading a logger through every constructor; tests that start several cores in
 * one process share it, which only mixes their log lines.
 */
import { createStderrLogger, type Logger } from './logger.js';

let current: Logger = createStderrLogger();

/** Where the core's modules log. */
export const log: Logger = {
  debug: (message, detail) => current.debug(message, detail),
  info: (message, detail) => current.info(message, detail),
  warn: (message, detail) => current.warn(message, detail),
  error: (message, detail) => current.error(message, detail),
};

/** Send the core's log lines to `logger` from now on (createCore calls it with the host's logger). */
export function useCoreLogger(logger: Logger): void {
  current = logger;
}
