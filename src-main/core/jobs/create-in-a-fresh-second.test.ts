import { describe, expect, it } from 'vitest';
import { isTimedArchiveName, msToNextSecond } from './create-in-a-fresh-second.js';

describe('a fresh second for a taken archive name', () => {
  it('knows names that change with time', () => {
    expect(isTimedArchiveName('docs-{hostname}-{now}')).toBe(true);
    expect(isTimedArchiveName('docs-{utcnow:%Y-%m-%d}')).toBe(true);
    expect(isTimedArchiveName('docs-{hostname}-{uuid4}')).toBe(false);
    expect(isTimedArchiveName('fixed-name')).toBe(false);
  });

  it('waits just past the start of the next second', () => {
    expect(msToNextSecond(10_000)).toBe(1050);
    expect(msToNextSecond(10_999)).toBe(51);
  });
});
