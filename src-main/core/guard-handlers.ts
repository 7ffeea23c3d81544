/** The error boundary around every request handler of the core. */
import type { AnyRequestName } from '../ipc/contract.js';
import { AppError } from './app-error.js';
import { isKnownError, INTERNAL_ERROR } from './serialize-error.js';
import { log } from './logging/log.js';

/**
 * Wrap every handler so that only BorgErrors and AppErrors leave the core: anything unexpected is
 * logged here with its stack and replaced by a generic error. After dispose every request fails.
 */
export function guardAll<H extends Partial<Record<AnyRequestName, unknown>>>(
  isDisposed: () => boolean,
  handlers: H,
): H {
  const guarded: Partial<Record<AnyRequestName, unknown>> = {};
  for (const name of Object.keys(handlers) as AnyRequestName[]) {
    const handler = handlers[name] as (params: unknown) => Promise<unknown>;
    guarded[name] = async (params: unknown) => {
      if (isDisposed()) throw new AppError('Disposed', 'Borgdesk is shutting down.');
      try {
        return await handler(params);
      } catch (e) {
        if (isKnownError(e)) throw e;
        log.error(`${name} failed unexpectedly`, e);
        throw new AppError('Internal', INTERNAL_ERROR.message, INTERNAL_ERROR.remedy);
      }
    };
  }
  return guarded as H;
}
