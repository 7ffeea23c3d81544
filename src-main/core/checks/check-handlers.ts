/**
 * Request handlers of the periodic checks (see the contract's 'checks:list' and 'checks:save').
 */
import type { RequestHandlers } from '../../ipc/contract.js';
import type { PeriodicChecks } from './periodic-checks.js';

/** The handlers for listing and saving repositories' check schedules. */
export function checkHandlers(checks: PeriodicChecks): Pick<RequestHandlers, 'checks:list' | 'checks:save'> {
  return {
    'checks:list': async () => checks.rows(),
    'checks:save': (check) => checks.save(check),
  };
}
