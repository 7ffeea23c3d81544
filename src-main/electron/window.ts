/** The main window: sandboxed renderer, preload bridge, loaded from app://borgdesk/. */
import { BrowserWindow } from 'electron';
import { APP_START_URL } from './app-protocol.js';

/** Where the window's files live. */
export interface WindowPaths {
  /** The bundled preload (`dist/main/preload.cjs`). */
  readonly preload: string;
  /** Window icon for Linux and Windows (macOS uses the bundle icon). */
  readonly icon?: string;
}

/** Create and load the main window; it shows itself once the first paint is ready (no white flash). */
export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 820,
    minHeight: 560,
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
  window.once('ready-to-show', () => window.show());
  window
    .loadURL(APP_START_URL)
    .catch((error: unknown) => console.error('Borgdesk: the window could not load', error));
  return window;
}
