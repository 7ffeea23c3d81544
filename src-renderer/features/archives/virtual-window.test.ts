import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, scrollScale, scrollTopFor, visibleRange } from './virtual-window.js';

describe('visibleRange', () => {
  it('renders only the rows in view plus the overscan', () => {
    expect(visibleRange(0, 320, 32, 100_000, 5)).toEqual({ first: 0, last: 15 });
    expect(visibleRange(32 * 50_000, 320, 32, 100_000, 5)).toEqual({ first: 49_995, last: 50_015 });
  });

  it('stops at the end of the list and copes with empty lists', () => {
    expect(visibleRange(32 * 99_995, 320, 32, 100_000, 5)).toEqual({ first: 99_990, last: 100_000 });
    expect(visibleRange(0, 320, 32, 0)).toEqual({ first: 0, last: 0 });
    expect(visibleRange(5000, 320, 32, 3, 2)).toEqual({ first: 3, last: 3 });
  });
});

describe('scrollTopFor', () => {
  it('scrolls the least needed to show a row', () => {
    expect(scrollTopFor(2, 0, 320, 32)).toBeUndefined();
    expect(scrollTopFor(20, 0, 320, 32)).toBe(21 * 32 - 320);
    expect(scrollTopFor(3, 640, 320, 32)).toBe(96);
  });

  it('centres a revealed row', () => {
    expect(scrollTopFor(100, 0, 320, 32, 'center')).toBe(100 * 32 - 144);
    expect(scrollTopFor(1, 0, 320, 32, 'center')).toBe(0);
  });
});

describe('scrollScale', () => {
  it('leaves ordinary lists alone', () => {
    expect(scrollScale(100_000, 34, 400)).toBe(1);
  });

  it('compresses a list taller than browsers allow, reaching the last row exactly', () => {
    const count = 1_000_000;
    const scale = scrollScale(count, 34, 400);
    expect(scale).toBeGreaterThan(4);
    // Scrolled to the bottom of the capped height, the last row is the last one in view.
    const bottom = (MAX_SCROLL_HEIGHT - 400) * scale;
    expect(visibleRange(bottom, 400, 34, count, 0).last).toBe(count);
  });
});
