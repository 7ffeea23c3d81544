/**
 * The handlers of the test-mode requests (see ipc/contract/test.ts). They exist on every core, but
 * only a core on a hand-driven clock answers them; the router routes them only in that mode.
 */
import type { HandlersFor } from '../../ipc/contract.js';
import type { testRequests } from '../../ipc/contract/test.js';
import { AppError } from '../app-error.js';
import type { TestTime } from '../services.js';

/** What the test-clock handler drives. */
export interface TestClockDeps {
  /** Present only in the browser host's test mode (BORGDESK_TEST_CLOCK=1). */
  readonly testTime: TestTime | undefined;
  /** Told the clock's new time after `test:advance-clock`, so UIs measure "ago" against it. */
  readonly onClockAdvanced: (now: string) => void;
}

/** One handler per test-mode request. */
export function testClockHandlers(deps: TestClockDeps): HandlersFor<typeof testRequests> {
  return {
    'test:advance-clock': async ({ ms }) => {
      // Only the browser host's test mode has a hand-driven clock; everywhere else this request does not exist.
      if (deps.testTime === undefined) throw new AppError('NotFound', 'Unknown request test:advance-clock.');
      deps.testTime.advance(ms);
      const now = new Date(deps.testTime.now()).toISOString();
      deps.onClockAdvanced(now);
      return { now };
    },
  };
}
