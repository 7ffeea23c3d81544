/**
 * The stand-in's `app` and `protocol`: the lifecycle (ready, quit) fired the way Electron fires it,
 * every call recorded, and misuse Electron would reject (a scheme registered after ready, a handler
 * before it) recorded as `standin:misuse`.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { record, strict } from './recorder.js';

/** An Electron event object: `preventDefault()` sets `defaultPrevented`. */
export interface StandinEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  [key: string]: unknown;
}

/** A fresh event object with optional extra fields (`url`, ...). */
export function standinEvent(fields: Record<string, unknown> = {}): StandinEvent {
  const event: StandinEvent = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** What the lifecycle needs from the windows (kept in windows.ts). */
export interface WindowCloser {
  /** Close every window; false when one refused (its 'close' was prevented). */
  closeAll(): boolean;
}

let ready = false;
let quitting = false;
let resolveReady: () => void = () => undefined;
const readyPromise = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

/** True once `ready` fired. */
export const isReady = (): boolean => ready;

/** Record a call Electron would refuse or ignore at this point of the lifecycle. */
export function misuse(what: string): void {
  record('standin:misuse', what);
}

/** Send the last message, then leave with `code` (the test process reads the exit code). */
export function exitChild(code: number): void {
  record('lifecycle:exit', code);
  if (process.send === undefined) process.exit(code);
  process.send({ type: 'exit-flush' }, () => process.exit(code));
}

class AppStandin extends EventEmitter {
  readonly isPackaged = false;
  windows: WindowCloser = { closeAll: () => true };
  private singleInstanceLock: boolean;

  constructor(singleInstanceLock: boolean) {
    super();
    this.singleInstanceLock = singleInstanceLock;
  }

  override on(event: string | symbol, listener: (...args: never[]) => void): this {
    record('app.on', String(event));
    return super.on(event, listener as (...args: unknown[]) => void);
  }

  override once(event: string | symbol, listener: (...args: never[]) => void): this {
    record('app.once', String(event));
    return super.once(event, listener as (...args: unknown[]) => void);
  }

  whenReady(): Promise<void> {
    record('app.whenReady');
    return readyPromise;
  }

  isReady(): boolean {
    return ready;
  }

  requestSingleInstanceLock(additionalData?: unknown): boolean {
    record('app.requestSingleInstanceLock', additionalData);
    return this.singleInstanceLock;
  }

  hasSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }

  releaseSingleInstanceLock(): void {
    record('app.releaseSingleInstanceLock');
    this.singleInstanceLock = false;
  }

  enableSandbox(): void {
    record('app.enableSandbox');
    if (ready) misuse('app.enableSandbox after ready (Electron ignores it then)');
  }

  setAppUserModelId(id: string): void {
    record('app.setAppUserModelId', id);
  }

  getPath(name: string): string {
    const home = os.homedir();
    const appData = process.env.XDG_CONFIG_HOME ?? path.join(home, '.config');
    const paths: Record<string, string> = {
      home,
      appData,
      userData: path.join(appData, 'Borgdesk'),
      sessionData: path.join(appData, 'Borgdesk'),
      temp: os.tmpdir(),
      exe: process.execPath,
      logs: path.join(appData, 'Borgdesk', 'logs'),
      crashDumps: path.join(appData, 'Borgdesk', 'Crashpad'),
      desktop: path.join(home, 'Desktop'),
      documents: path.join(home, 'Documents'),
      downloads: path.join(home, 'Downloads'),
    };
    const found = paths[name];
    // Electron throws for a name it does not know.
    if (found === undefined) throw new Error(`Failed to get '${name}' path`);
    return found;
  }

  getName(): string {
    return 'Borgdesk';
  }

  getVersion(): string {
    return '0.1.0';
  }

  getLocale(): string {
    return 'en-US';
  }

  // The test picks the system's languages with BORGDESK_STANDIN_LANGUAGES ("de-DE,en-US").
  getPreferredSystemLanguages(): string[] {
    const wanted = process.env['BORGDESK_STANDIN_LANGUAGES'];
    return wanted === undefined || wanted === '' ? ['en-US'] : wanted.split(',');
  }

  setLoginItemSettings(settings: unknown): void {
    record('app.setLoginItemSettings', settings);
  }

  getLoginItemSettings(options?: unknown): { openAtLogin: boolean; wasOpenedAtLogin: boolean } {
    record('app.getLoginItemSettings', options);
    return { openAtLogin: false, wasOpenedAtLogin: false };
  }

  focus(): void {
    record('app.focus');
  }

  /** Electron's order: before-quit (preventable), every window closes, will-quit (preventable), quit. */
  quit(): void {
    record('app.quit');
    // Asynchronous, as in Electron: the caller's code after quit() still runs first.
    setImmediate(() => this.runQuit());
  }

  exit(code = 0): void {
    record('app.exit', code);
    exitChild(code);
  }

  relaunch(options?: unknown): void {
    record('app.relaunch', options);
  }

  private runQuit(): void {
    if (quitting) return;
    const beforeQuit = standinEvent();
    // Recorded before the listeners run, so what they do is ordered after it.
    record('lifecycle:before-quit');
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) {
      record('lifecycle:quit-prevented', 'before-quit');
      return;
    }
    quitting = true;
    if (!this.windows.closeAll()) {
      record('lifecycle:quit-cancelled', 'a window refused to close');
      quitting = false;
      return;
    }
    const willQuit = standinEvent();
    record('lifecycle:will-quit');
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      record('lifecycle:quit-prevented', 'will-quit');
      quitting = false;
      return;
    }
    this.emit('quit', standinEvent(), 0);
    exitChild(0);
  }
}

/** True while the app is quitting (windows closing then do not fire window-all-closed). */
export const isQuitting = (): boolean => quitting;

/** Create the stand-in `app` (one per child). */
export function createApp(singleInstanceLock: boolean): AppStandin {
  const app = new AppStandin(singleInstanceLock);
  const commandLine = strict('app.commandLine', {
    appendSwitch: (name: string, value?: string) => record('app.commandLine.appendSwitch', name, value),
    hasSwitch: () => false,
    getSwitchValue: () => '',
  });
  Object.defineProperty(app, 'commandLine', { value: commandLine, enumerable: true });
  return strict('app', app);
}

/** Fire `ready` once the bundle's synchronous start-up has run, as Electron does. */
export function fireReady(app: EventEmitter): void {
  ready = true;
  record('lifecycle:ready');
  app.emit('will-finish-launching');
  app.emit('ready', standinEvent(), {});
  resolveReady();
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
const handlers = new Map<string, ProtocolHandler>();

/** The handler the bundle registered for `scheme`, if any. */
export const protocolHandler = (scheme: string): ProtocolHandler | undefined => handlers.get(scheme);

/** The stand-in `protocol` module. */
export function createProtocol(): object {
  return strict('protocol', {
    registerSchemesAsPrivileged(schemes: unknown) {
      record('protocol.registerSchemesAsPrivileged', schemes);
      if (ready) misuse('protocol.registerSchemesAsPrivileged after ready (Electron requires it before)');
    },
    handle(scheme: string, handler: ProtocolHandler) {
      record('protocol.handle', scheme);
      if (!ready) misuse('protocol.handle before ready');
      if (handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
      handlers.set(scheme, handler);
    },
    unhandle(scheme: string) {
      record('protocol.unhandle', scheme);
      handlers.delete(scheme);
    },
    isProtocolHandled: (scheme: string) => handlers.has(scheme),
  });
}
