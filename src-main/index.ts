/**
 * Electron entry (`dist/main/index.cjs`): one instance per user, the core built with Electron's
 * services, the app:// protocol, the IPC transport and the main window.
 */
import { app, BrowserWindow, dialog, Menu, safeStorage, session, shell } from 'electron';
import path from 'node:path';
import { createCore } from './core/create-core.js';
import { probeStatusNotifierHost } from './core/environment/status-notifier-host.js';
import { createLogger, parseLogLevel } from './core/logging/logger.js';
import { createRotatingFileSink } from './core/logging/rotating-file-sink.js';
import type { Core } from './core/services.js';
import { resolveAppPaths } from './core/settings/app-paths.js';
import { registerAppScheme, serveAppProtocol } from './electron/app-protocol.js';
import { appUserModelId } from './electron/app-url.js';
import { startBackground, type Background } from './electron/background.js';
import { attachElectronTransport } from './electron/electron-transport.js';
import { createFileManager } from './electron/file-manager.js';
import { createFolderDialog } from './electron/folder-dialog.js';
import { createDesktopIntegration } from './electron/desktop-integration.js';
import { syncStartAtLogin, wasStartedAtLogin } from './electron/login-item.js';
import { appMenuTemplate } from './electron/app-menu.js';
import { logUncaughtProblems, watchRendererCrashes } from './electron/crash-handling.js';
import { startFailedText } from './electron/crash-text.js';
import { createHostLanguage, electronSystemLocales, withSettingsWatch } from './electron/desktop-language.js';
import { ENGLISH_WORDS, type DesktopWords } from './core/i18n/desktop-words.js';
import { PROJECT_HOMEPAGE } from './electron/external-links.js';
import { hardenWebContents, restrictPermissions } from './electron/security.js';
import { loadWindowState, trackWindowState, type InitialWindowState } from './electron/window-state.js';
import { createPowerEvents } from './electron/power-events.js';
import { createElectronEnvironment } from './electron/environment.js';
import { createMainWindow } from './electron/window.js';
import { createSafeStorageStore } from './electron/safe-storage-store.js';
import type { EventEnvelope } from './ipc/contract.js';
import { EVENT_CHANNEL } from './preload/channels.js';

// The bundle sits in dist/main; the renderer in dist/renderer and the icons in dist/assets.
const distDir = path.join(__dirname, '..');
const windowPaths = {
  preload: path.join(__dirname, 'preload.cjs'),
  ...(process.platform !== 'darwin' ? { icon: path.join(distDir, 'assets', 'icon-256.png') } : {}),
};

let mainWindow: BrowserWindow | undefined;
let background: Background | undefined;
let quitting = false;
let noTrayNoticeShown = false;
// Until the core is up there is no window to focus: a second start meanwhile asks for one.
let started = false;
let windowWanted = false;
let windowState: InitialWindowState = { bounds: undefined, maximized: false };
let configDir: string | undefined;
let saveWindowState: (() => Promise<void>) | undefined;
// English until the settings are read; then Settings → Language (or the system's languages).
let words: () => DesktopWords = () => ENGLISH_WORDS;

const logDir = app.getPath('logs');
const logger = createLogger({
  level: parseLogLevel(process.env['BORGDESK_LOG_LEVEL'], 'info'),
  sink: createRotatingFileSink({ dir: logDir }),
});

// Closing keeps Borgdesk running so schedules go on: hidden in the tray, or minimised where no tray
// host exists (never hidden into nothing). macOS keeps the app in the Dock either way.
function onWindowClose(window: BrowserWindow, event: Electron.Event): void {
  if (quitting) return;
  if (background?.hasTray() === true) {
    event.preventDefault();
    window.hide();
  } else if (process.platform !== 'darwin' && background !== undefined) {
    event.preventDefault();
    window.minimize();
    if (!noTrayNoticeShown) logger.info('no tray icon, so closing the window minimises it; use Quit to exit');
    noTrayNoticeShown = true;
  }
}

function showMainWindow(): void {
  if (!started) {
    windowWanted = true;
    return;
  }
  if (mainWindow === undefined || mainWindow.isDestroyed()) {
    const window = createMainWindow(windowPaths, windowState, logger);
    mainWindow = window;
    watchRendererCrashes(window, logger, () => words());
    if (configDir !== undefined) saveWindowState = trackWindowState(window, configDir, logger);
    window.on('close', (event) => onWindowClose(window, event));
    window.on('closed', () => {
      mainWindow = undefined;
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  if (!mainWindow.isVisible()) mainWindow.show();
  mainWindow.focus();
}

// The menu's Settings… item: the window comes forward and its page opens the Settings dialog.
function openSettings(): void {
  showMainWindow();
  const window = mainWindow;
  if (window === undefined) return;
  const message: EventEnvelope = { event: 'app:open-settings', payload: {} };
  const send = (): void => window.webContents.send(EVENT_CHANNEL, message);
  // A window created just now has no page to listen yet.
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
  else send();
}

// The application menu in the current words (again after Settings → Language changes).
function applyAppMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        platform: process.platform,
        packaged: app.isPackaged,
        words: words(),
        actions: {
          openLogFolder: () => void shell.openPath(logDir),
          openHomepage: () => void shell.openExternal(PROJECT_HOMEPAGE),
          openSettings,
        },
      }),
    ),
  );
}

async function start(): Promise<void> {
  await app.whenReady();
  restrictPermissions(session.defaultSession);
  serveAppProtocol(path.join(distDir, 'renderer'));
  applyAppMenu();

  const paths = resolveAppPaths(process.platform, process.env, app.getPath('home'));
  configDir = paths.configDir;
  // Asked once, bounded (~1 s): the tray and Settings need the answer, the window does not wait long.
  const [loadedWindowState, statusNotifierHost] = await Promise.all([
    loadWindowState(paths.configDir, logger),
    process.platform === 'linux'
      ? probeStatusNotifierHost(process.env['DBUS_SESSION_BUS_ADDRESS'])
      : Promise.resolve('unknown' as const),
  ]);
  windowState = loadedWindowState;
  const core: Core = await createCore({
    host: 'electron',
    platform: process.platform,
    env: process.env,
    paths,
    // After 'ready': only then does safeStorage know whether a keychain is there.
    secrets: createSafeStorageStore(safeStorage, { configDir: paths.configDir, platform: process.platform }),
    folderDialog: createFolderDialog(() => mainWindow),
    fileManager: createFileManager(),
    clock: { now: () => Date.now() },
    power: createPowerEvents(logger),
    logger,
    logDir,
    environment: createElectronEnvironment(),
    desktop: createDesktopIntegration(() => background, statusNotifierHost),
    systemLocales: electronSystemLocales,
  });
  const language = createHostLanguage(core, electronSystemLocales);
  words = () => language.words();
  if (language.words().language !== 'en') applyAppMenu();
  // A language picked in Settings re-words the menu and the tray at once.
  const wordedCore = withSettingsWatch(core, () => {
    if (!language.apply(core.settings().language, electronSystemLocales())) return;
    applyAppMenu();
    background?.reword();
  });
  syncStartAtLogin(core.settings().startAtLogin, (line) => logger.warn(line));
  const detachTransport = attachElectronTransport(wordedCore, { validateResults: !app.isPackaged });
  background = startBackground(core, {
    assetsDir: path.join(distDir, 'assets'),
    showWindow: showMainWindow,
    quit: () => app.quit(),
    // Read at each decision, so a level changed in Settings applies to the very next notice.
    level: () => core.settings().notificationLevel,
    clock: { now: () => Date.now() },
    logger,
    statusNotifierHost,
    words: () => words(),
  });
  started = true;
  // A login start stays in the tray (unless a second start asked for the window); without a tray
  // the window must open.
  if (windowWanted || !(wasStartedAtLogin() && background.hasTray())) showMainWindow();

  app.on('activate', showMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let disposed = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (disposed) return;
    // Let running borg processes be cancelled cleanly before the process goes away.
    event.preventDefault();
    disposed = true;
    background?.dispose();
    detachTransport();
    // The window closes only after this; its state is saved now, while the process surely lives.
    const saved = saveWindowState?.() ?? Promise.resolve();
    void Promise.allSettled([saved, core.dispose()]).finally(() => app.quit());
  });
}

registerAppScheme();
// Sandbox every renderer, not only the windows we configure (Electron security checklist, item 4).
app.enableSandbox();
const userModelId = appUserModelId(process.platform);
if (userModelId !== undefined) app.setAppUserModelId(userModelId);
logUncaughtProblems(logger, () => words());
// Hooks every web contents before it can load anything, including ones we did not create ourselves.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Before anything slow: a second start during start-up must still bring the window forward.
  app.on('second-instance', showMainWindow);
  start().catch((error: unknown) => {
    logger.error('Borgdesk could not start', error);
    const message = error instanceof Error ? error.message : String(error);
    const text = startFailedText(message, logDir, words());
    dialog.showErrorBox(text.title, text.content);
    app.exit(1);
  });
}
