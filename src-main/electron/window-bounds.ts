/**
 * Where the main window opens (pure, unit-tested): the size and position it had last time, but only
 * where that is still on a connected display — a window saved on a monitor that is gone must not
 * open off-screen, out of reach.
 */
import { z } from 'zod';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const savedWindowStateSchema = z.object({
  version: z.literal(1),
  bounds: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
  maximized: z.boolean(),
});
export type SavedWindowState = z.infer<typeof savedWindowStateSchema>;

/** The window's default and smallest size (window.ts). */
export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
export const MIN_SIZE = { width: 820, height: 560 } as const;

// Enough of the title bar must be on a display to grab the window with the pointer.
const MIN_VISIBLE = { width: 120, height: 40 } as const;

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The bounds to open with, from `saved` and the work areas of the connected displays: undefined (the
 * system places a default-sized window) when nothing was saved or the title bar would be off every
 * display. A window larger than its display is shrunk to fit.
 */
export function restorableBounds(
  saved: SavedWindowState | undefined,
  workAreas: readonly Rectangle[],
): Rectangle | undefined {
  if (saved === undefined) return undefined;
  const { bounds } = saved;
  if (![bounds.x, bounds.y, bounds.width, bounds.height].every(Number.isFinite)) return undefined;
  const titleBar: Rectangle = { x: bounds.x, y: bounds.y, width: bounds.width, height: MIN_VISIBLE.height };
  const home = workAreas.find((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= MIN_VISIBLE.width && seen.height >= MIN_VISIBLE.height;
  });
  if (home === undefined) return undefined;
  const width = Math.round(Math.min(Math.max(bounds.width, MIN_SIZE.width), home.width));
  const height = Math.round(Math.min(Math.max(bounds.height, MIN_SIZE.height), home.height));
  return { x: Math.round(bounds.x), y: Math.round(bounds.y), width, height };
}
