/**
 * Requests that exist only in the browser host's test mode (BORGDESK_TEST_CLOCK=1). They are not part
 * of `requests`: the router merges them in only when the core runs on a hand-driven clock.
 */
import { z } from 'zod';

/** Test-mode requests. */
export const testRequests = {
  /** Move the manual clock; schedules and checks due in the meantime run. */
  'test:advance-clock': {
    params: z.object({
      ms: z
        .number()
        .int()
        .min(0)
        .max(366 * 86_400_000),
    }),
    result: z.object({ now: z.string() }),
  },
} as const;
