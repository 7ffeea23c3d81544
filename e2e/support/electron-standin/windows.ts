/**
 * The stand-in's windows: `BrowserWindow` (constructor options recorded, loadURL, ready-to-show,
 * close), its `webContents` (event emitter, window-open handler, `send`), `session.defaultSession`
 * (permission handlers kept so the test can ask them) and `ipcMain` (handlers kept so the test can
 * invoke them as a renderer frame would).
 */
import { EventEmitter } from 'node:events';
import { isQuitting, isReady, misuse, standinEvent } from './app.js';
import { record, SNAPSHOT, strict } from './recorder.js';

let nextId = 1;
const windows = new Set<BrowserWindowStandin>();
let appEmitter: EventEmitter | undefined;

type OpenHandler = (details: { url: string; frameName: string; features: string }) => { action: string };

class WebContentsStandin extends EventEmitter {
  readonly id = nextId++;
  url = '';
  destroyed = false;
  openHandler: OpenHandler | undefined = undefined;

  [SNAPSHOT](): unknown {
    return { webContents: this.id };
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isLoading(): boolean {
    return false;
  }

  send(channel: string, ...args: unknown[]): void {
    record('webContents.send', channel, ...args);
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    record('webContents.setWindowOpenHandler');
    this.openHandler = handler;
  }

  openDevTools(): void {
    record('webContents.openDevTools');
  }

  get session(): object {
    return defaultSession();
  }
}

class BrowserWindowStandin extends EventEmitter {
  readonly id = nextId++;
  readonly webContents: WebContentsStandin;
  private visible: boolean;
  private minimized = false;
  private maximized = false;
  private destroyed = false;
  private readonly bounds: { x: number; y: number; width: number; height: number };

  static getAllWindows(): BrowserWindowStandin[] {
    return [...windows];
  }

  static getFocusedWindow(): BrowserWindowStandin | null {
    return [...windows][0] ?? null;
  }

  static fromWebContents(contents: unknown): BrowserWindowStandin | null {
    return [...windows].find((window) => window.webContents === contents) ?? null;
  }

  static fromId(id: number): BrowserWindowStandin | null {
    return [...windows].find((window) => window.id === id) ?? null;
  }

  constructor(options: { show?: boolean; x?: number; y?: number; width?: number; height?: number } = {}) {
    super();
    record('BrowserWindow.new', options);
    if (!isReady()) misuse('new BrowserWindow before ready');
    this.visible = options.show !== false;
    // Electron centres a window without a position; the stand-in's display is 1920×1040.
    const width = options.width ?? 800;
    const height = options.height ?? 600;
    this.bounds = { x: options.x ?? (1920 - width) / 2, y: options.y ?? (1040 - height) / 2, width, height };
    this.webContents = strict('webContents', new WebContentsStandin());
    const self = strict('BrowserWindow instance', this);
    windows.add(self);
    // Electron announces every web contents as it is created, before anything loads.
    appEmitter?.emit('web-contents-created', standinEvent(), this.webContents);
    return self;
  }

  [SNAPSHOT](): unknown {
    return { window: this.id };
  }

  loadURL(url: string): Promise<void> {
    record('window.loadURL', url);
    this.webContents.url = url;
    setImmediate(() => {
      if (this.destroyed) return;
      this.webContents.emit('did-finish-load', standinEvent());
      this.emit('ready-to-show', standinEvent());
    });
    return Promise.resolve();
  }

  show(): void {
    record('window.show', this.id);
    this.visible = true;
    this.minimized = false;
  }

  hide(): void {
    record('window.hide', this.id);
    this.visible = false;
  }

  focus(): void {
    record('window.focus', this.id);
  }

  minimize(): void {
    record('window.minimize', this.id);
    this.minimized = true;
  }

  restore(): void {
    record('window.restore', this.id);
    this.minimized = false;
  }

  isVisible(): boolean {
    return this.visible;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  maximize(): void {
    record('window.maximize', this.id);
    this.maximized = true;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Like Electron: 'close' may be prevented; otherwise the window goes and 'closed' follows. */
  close(): boolean {
    record('window.close', this.id);
    const event = standinEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroy();
    return true;
  }

  destroy(): void {
    if (this.destroyed) return;
    record('window.destroy', this.id);
    this.destroyed = true;
    this.webContents.destroyed = true;
    // `this` is the strict proxy when called from outside, the bare object from within.
    for (const window of windows) if (window.id === this.id) windows.delete(window);
    this.emit('closed');
    if (windows.size === 0 && !isQuitting()) appEmitter?.emit('window-all-closed', standinEvent());
  }
}

/** The window classes, with the app to announce web contents on and to close windows at quit. */
export function createWindows(app: EventEmitter & { windows: { closeAll(): boolean } }): {
  BrowserWindow: typeof BrowserWindowStandin;
} {
  appEmitter = app;
  app.windows = { closeAll: () => [...windows].every((window) => window.close()) };
  return { BrowserWindow: strict('BrowserWindow', BrowserWindowStandin) };
}

/** The first open window (the main window), if any. */
export const firstWindow = (): BrowserWindowStandin | undefined => [...windows][0];

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;
type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: { requestingUrl: string; isMainFrame: boolean },
) => boolean;

/** The handlers the bundle gave the default session. */
export const permissionHandlers: {
  request?: PermissionRequestHandler;
  check?: PermissionCheckHandler;
} = {};

let sessionInstance: object | undefined;

/** `session.defaultSession`, which Electron offers only after ready. */
function defaultSession(): object {
  if (!isReady()) misuse('session.defaultSession before ready');
  sessionInstance ??= strict('session.defaultSession', {
    setPermissionRequestHandler(handler: PermissionRequestHandler | null) {
      record('session.setPermissionRequestHandler', handler);
      permissionHandlers.request = handler ?? undefined;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler | null) {
      record('session.setPermissionCheckHandler', handler);
      permissionHandlers.check = handler ?? undefined;
    },
    setDevicePermissionHandler(handler: unknown) {
      record('session.setDevicePermissionHandler', handler);
    },
    setDisplayMediaRequestHandler(handler: unknown) {
      record('session.setDisplayMediaRequestHandler', handler);
    },
    webRequest: strict('session.defaultSession.webRequest', {
      onBeforeRequest: (...args: unknown[]) => record('webRequest.onBeforeRequest', ...args),
      onBeforeSendHeaders: (...args: unknown[]) => record('webRequest.onBeforeSendHeaders', ...args),
      onHeadersReceived: (...args: unknown[]) => record('webRequest.onHeadersReceived', ...args),
    }),
  });
  return sessionInstance;
}

/** The stand-in `session` module. */
export function createSession(): object {
  return strict('session', {
    get defaultSession() {
      return defaultSession();
    },
  });
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
/** The `ipcMain.handle` handlers, by channel. */
export const invokeHandlers = new Map<string, InvokeHandler>();

class IpcMainStandin extends EventEmitter {
  handle(channel: string, handler: InvokeHandler): void {
    record('ipcMain.handle', channel);
    // Electron refuses a second handler for one channel.
    if (invokeHandlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    invokeHandlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: InvokeHandler): void {
    record('ipcMain.handleOnce', channel);
    invokeHandlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    record('ipcMain.removeHandler', channel);
    invokeHandlers.delete(channel);
  }

  override on(channel: string | symbol, listener: (...args: never[]) => void): this {
    record('ipcMain.on', String(channel));
    return super.on(channel, listener as (...args: unknown[]) => void);
  }
}

/** The stand-in `ipcMain`. */
export const createIpcMain = (): object => strict('ipcMain', new IpcMainStandin());
