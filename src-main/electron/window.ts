/** The main window: sandboxed renderer, preload bridge, loaded from app://borgdesk/. */
import { BrowserWindow } from 'electron';
import type { Logger } from '../core/logging/logger.js';
import { APP_START_URL } from './app-url.js';
import { DEFAULT_SIZE, MIN_SIZE } from './window-bounds.js';
import type { InitialWindowState } from './window-state.js';

/** Where the window's files live. */
export interface WindowPaths {
  /** The bundled preload (`dist/main/preload.cjs`). */
  readonly preload: string;
  /** Window icon for Linux and Windows (macOS uses the bundle icon). */
  readonly icon?: string;
}

/**
 * Create and load the main window where it was last (`initial`); it shows itself once the first
 * paint is ready (no white flash).
 */
export function createMainWindow(
  paths: WindowPaths,
  initial: InitialWindowState,
  logger: Logger,
): BrowserWindow {
  const window = new BrowserWindow({
    ...(initial.bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Borgdesk',
    show: false,
    backgroundColor: '#f8fafc',
    ...(paths.icon !== undefined ? { icon: paths.icon } : {}),
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => {
    if (initial.maximized) window.maximize();
    window.show();
  });
  window.loadURL(APP_START_URL).catch((error: unknown) => logger.error('the window could not load', error));
  return window;
}
