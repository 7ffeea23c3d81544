/**
 * The built desktop host started again under the electron stand-in (see electron-standin.e2e.ts):
 * where the window opens after a restart, and what a second start does while one runs.
 */
import { describe, expect, it } from 'vitest';
import { startDesktopHost } from './support/desktop-host.js';

describe('the window state', () => {
  it('opens where the window was last time, maximised, when that is on a connected display', async () => {
    const state = { version: 1, bounds: { x: 140, y: 90, width: 1100, height: 720 }, maximized: true };
    const again = await startDesktopHost({
      files: { 'config/borgdesk/window-state.json': JSON.stringify(state) },
    });
    try {
      const options = again.calls('BrowserWindow.new')[0]?.args[0];
      expect(options).toMatchObject({ x: 140, y: 90, width: 1100, height: 720 });
      await again.waitFor('window.maximize');
    } finally {
      await again.stop();
    }
  });

  it('ignores a saved position on a display that is gone', async () => {
    const state = { version: 1, bounds: { x: 4000, y: 90, width: 1100, height: 720 }, maximized: false };
    const again = await startDesktopHost({
      files: { 'config/borgdesk/window-state.json': JSON.stringify(state) },
    });
    try {
      const options = again.calls('BrowserWindow.new')[0]?.args[0] as Record<string, unknown>;
      expect(options).toMatchObject({ width: 1200, height: 800 });
      expect(options).not.toHaveProperty('x');
    } finally {
      await again.stop();
    }
  });
});

describe('a second start', () => {
  it('quits at once, before ready, without a window or a core', async () => {
    const second = await startDesktopHost({ singleInstanceLock: false });
    try {
      expect(await second.exited).toBe(0);
      expect(second.calls('app.quit')).toHaveLength(1);
      expect(second.calls('BrowserWindow.new')).toEqual([]);
      expect(second.calls('ipcMain.handle')).toEqual([]);
      expect(second.calls('standin:missing')).toEqual([]);
    } finally {
      await second.stop();
    }
  });
});
