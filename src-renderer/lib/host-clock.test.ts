import { afterEach, describe, expect, it } from 'vitest';
import { formatRelative } from './format.js';
import { hostNow, syncHostClock } from './host-clock.js';

const DAY = 86_400_000;

describe('host clock', () => {
  afterEach(() => syncHostClock(new Date().toISOString()));

  it("measures relative times against the host's clock, not the browser's", () => {
    const hostTime = new Date(Date.now() + 3 * DAY);
    syncHostClock(hostTime.toISOString());
    expect(Math.abs(hostNow().getTime() - hostTime.getTime())).toBeLessThan(1_000);
    // A backup the host finished a minute ago (by its clock) is not "in 3 days".
    expect(formatRelative(new Date(hostTime.getTime() - 60_000))).toBe('1 minute ago');
    expect(formatRelative(new Date(Date.now()))).toBe('3 days ago');
  });

  it('ignores a time it cannot read', () => {
    syncHostClock(new Date(Date.now() + DAY).toISOString());
    syncHostClock('not a time');
    expect(hostNow().getTime() - Date.now()).toBeGreaterThan(DAY - 1_000);
  });
});
