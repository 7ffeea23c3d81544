/**
 * Remembers the main window's size, position and maximised state in `window-state.json` beside the
 * settings: saved shortly after each move or resize and on close, restored by window.ts through
 * restorableBounds (only onto a display that is still connected).
 */
import { screen, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { Logger } from '../core/logging/logger.js';
import { readJsonFile, writeJsonAtomic } from '../core/settings/json-file.js';
import {
  restorableBounds,
  savedWindowStateSchema,
  type Rectangle,
  type SavedWindowState,
} from './window-bounds.js';

export const WINDOW_STATE_FILE = 'window-state.json';

// Moving a window fires many events; write once it has come to rest.
const SAVE_DELAY_MS = 1000;

/** What the window opens with: bounds to restore (or undefined for the default) and maximised. */
export interface InitialWindowState {
  readonly bounds: Rectangle | undefined;
  readonly maximized: boolean;
}

/** Read the saved state; a missing or damaged file means the default placement. */
export async function loadWindowState(configDir: string, logger: Logger): Promise<InitialWindowState> {
  try {
    const outcome = await readJsonFile<SavedWindowState | undefined>(
      path.join(configDir, WINDOW_STATE_FILE),
      savedWindowStateSchema,
      () => undefined,
    );
    if (outcome.kind === 'corrupt')
      logger.warn(`window state was unreadable (${outcome.reason}); moved aside`);
    const saved = outcome.value;
    const areas = screen.getAllDisplays().map((display) => display.workArea);
    return { bounds: restorableBounds(saved, areas), maximized: saved?.maximized ?? false };
  } catch (error) {
    logger.warn('could not read the window state', error);
    return { bounds: undefined, maximized: false };
  }
}

/** Saves the window's state now (quitting awaits it: the process may end before a write on 'close'). */
export type SaveWindowState = () => Promise<void>;

/** Save `window`'s state after it moved or resized and when it closes; returns the save for quitting. */
export function trackWindowState(window: BrowserWindow, configDir: string, logger: Logger): SaveWindowState {
  const file = path.join(configDir, WINDOW_STATE_FILE);
  let timer: NodeJS.Timeout | undefined;
  const save = async (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (window.isDestroyed() || window.isMinimized()) return;
    // The normal bounds, so a maximised window comes back maximised over the size it had before.
    const state: SavedWindowState = {
      version: 1,
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    };
    await writeJsonAtomic(file, state).catch((error: unknown) =>
      logger.warn('could not save the window state', error),
    );
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_DELAY_MS);
  };
  window.on('resized', later);
  window.on('moved', later);
  window.on('maximize', later);
  window.on('unmaximize', later);
  window.on('close', () => void save());
  return save;
}
