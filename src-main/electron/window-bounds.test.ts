import { describe, expect, it } from 'vitest';
import { restorableBounds, type SavedWindowState } from './window-bounds.js';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1440 };
const saved = (x: number, y: number, width = 1000, height = 700): SavedWindowState => ({
  version: 1,
  bounds: { x, y, width, height },
  maximized: false,
});

describe('window bounds', () => {
  it('restores a window that is on a connected display', () => {
    expect(restorableBounds(saved(100, 50), [laptop])).toEqual({ x: 100, y: 50, width: 1000, height: 700 });
    expect(restorableBounds(saved(2000, 100), [laptop, monitorRight])).toEqual({
      x: 2000,
      y: 100,
      width: 1000,
      height: 700,
    });
  });

  it('does not restore onto a display that is gone, nor with the title bar out of reach', () => {
    expect(restorableBounds(saved(2000, 100), [laptop])).toBeUndefined();
    expect(restorableBounds(saved(100, -300), [laptop])).toBeUndefined();
    expect(restorableBounds(saved(1400, 100), [laptop])).toBeUndefined();
    expect(restorableBounds(undefined, [laptop])).toBeUndefined();
  });

  it('shrinks a window larger than its display and keeps the minimum size', () => {
    expect(restorableBounds(saved(0, 0, 3000, 2000), [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 900,
    });
    expect(restorableBounds(saved(10, 10, 300, 200), [laptop])).toEqual({
      x: 10,
      y: 10,
      width: 820,
      height: 560,
    });
  });
});
