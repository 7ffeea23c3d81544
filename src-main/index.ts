/**
 * Electron entry (`dist/main/index.cjs`): one instance per user, the core built with Electron's
 * services, the app:// protocol, the IPC transport and the main window.
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import path from 'node:path';
import { createCore } from './core/create-core.js';
import { createMemorySecretStore } from './core/secrets/memory-secret-store.js';
import type { Core } from './core/services.js';
import { resolveAppPaths } from './core/settings/app-paths.js';
import { registerAppScheme, serveAppProtocol } from './electron/app-protocol.js';
import { attachElectronTransport } from './electron/electron-transport.js';
import { createFileManager } from './electron/file-manager.js';
import { createFolderDialog } from './electron/folder-dialog.js';
import { denyAllPermissions, hardenWebContents } from './electron/security.js';
import { createMainWindow } from './electron/window.js';

// The bundle sits in dist/main; the renderer in dist/renderer and the icons in dist/assets.
const distDir = path.join(__dirname, '..');
const windowPaths = {
  preload: path.join(__dirname, 'preload.cjs'),
  ...(process.platform !== 'darwin' ? { icon: path.join(distDir, 'assets', 'icon-256.png') } : {}),
};

let mainWindow: BrowserWindow | undefined;

function showMainWindow(): void {
  if (mainWindow === undefined || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(windowPaths);
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveAppProtocol(path.join(distDir, 'renderer'));

  const core: Core = await createCore({
    host: 'electron',
    paths: resolveAppPaths(process.platform, process.env, app.getPath('home')),
    secrets: createMemorySecretStore(),
    folderDialog: createFolderDialog(() => mainWindow),
    fileManager: createFileManager(),
    clock: { now: () => Date.now() },
  });
  const detachTransport = attachElectronTransport(core, { validateResults: !app.isPackaged });
  showMainWindow();

  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed) return;
    // Let running borg processes be cancelled cleanly before the process goes away.
    event.preventDefault();
    disposed = true;
    detachTransport();
    void core.dispose().finally(() => app.quit());
  });
}

registerAppScheme();
// Sandbox every renderer, not only the windows we configure (Electron security checklist, item 4).
app.enableSandbox();
// Hooks every web contents before it can load anything, including ones we did not create ourselves.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Borgdesk could not start', message);
    app.exit(1);
  });
}
