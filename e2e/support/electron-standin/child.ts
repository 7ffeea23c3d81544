/**
 * The child process that loads the BUILT Electron bundle (dist/main/index.cjs) under the stand-in
 * `electron` module. The real Electron binary cannot be downloaded on this machine, so this is the
 * closest run of the desktop host we have: the bundle's own code, the real core and the real borg,
 * with Electron's runtime replaced by a recording test double. Compiled by desktop-host.ts with
 * esbuild and started with `fork`, so its process-wide handlers never touch the test process.
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { createApp, createProtocol, exitChild, fireReady, protocolHandler, standinEvent } from './app.js';
import { clickTrayItem, createDesktop } from './desktop.js';
import type { ChildMessage, Command, CommandMessage, ProtocolAnswer, StandinOptions } from './messages.js';
import { record, strict } from './recorder.js';
import {
  createIpcMain,
  createSession,
  createWindows,
  firstWindow,
  invokeHandlers,
  permissionHandlers,
} from './windows.js';

const options = JSON.parse(process.env.BORGDESK_STANDIN_OPTIONS ?? '{}') as StandinOptions;

const app = createApp(options.singleInstanceLock);
const electron = strict('electron', {
  app,
  protocol: createProtocol(),
  session: createSession(),
  ipcMain: createIpcMain(),
  ...createWindows(app),
  ...createDesktop(options.notificationsSupported),
});

// `require('electron')` anywhere in the bundle resolves to the stand-in, through Node's module cache.
interface ModuleInternals {
  _resolveFilename(request: string, ...rest: unknown[]): string;
  _cache: Record<string, unknown>;
}
const internals = Module as unknown as ModuleInternals &
  (new (id: string) => { exports: unknown; loaded: boolean });
const STANDIN_ID = path.join(__dirname, 'electron-standin');
const standinModule = new internals(STANDIN_ID);
standinModule.exports = electron;
standinModule.loaded = true;
internals._cache[STANDIN_ID] = standinModule;
const resolve = internals._resolveFilename;
internals._resolveFilename = function (request: string, ...rest: unknown[]): string {
  return request === 'electron' ? STANDIN_ID : resolve.call(this, request, ...rest);
};

function reply(message: ChildMessage): void {
  process.send?.(message);
}

async function fetchApp(url: string, method: string): Promise<ProtocolAnswer> {
  const scheme = url.slice(0, url.indexOf(':'));
  const handler = protocolHandler(scheme);
  if (handler === undefined) throw new Error(`No protocol handler for ${scheme}:`);
  const response = await handler(new Request(url, { method }));
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: await response.text(),
  };
}

// Electron's origin of a standard scheme is scheme://host, which Node's URL calls "null".
const originOf = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
};

async function permission(
  kind: 'request' | 'check',
  name: string,
  url: string,
  isMainFrame: boolean,
): Promise<unknown> {
  const contents = firstWindow()?.webContents ?? null;
  const details = { requestingUrl: url, isMainFrame };
  if (kind === 'check') {
    // Electron allows what no handler decides.
    return permissionHandlers.check?.(contents, name, originOf(url), details) ?? 'no handler';
  }
  const handler = permissionHandlers.request;
  if (handler === undefined) return 'no handler';
  return new Promise<boolean>((answer) => handler(contents, name, answer, details));
}

function windowEvent(event: string, url: string | undefined): unknown {
  const window = firstWindow();
  if (window === undefined) throw new Error('No window is open');
  if (event === 'window-open') {
    const handler = window.webContents.openHandler;
    if (handler === undefined) return 'no handler';
    return handler({ url: url ?? '', frameName: '', features: '' });
  }
  const fired = standinEvent(url !== undefined ? { url } : {});
  if (event === 'close') return { defaultPrevented: !window.close() };
  // The page's process died; `url` carries the reason (crashed, oom, killed…).
  if (event === 'render-process-gone') {
    window.webContents.emit(event, fired, { reason: url ?? 'crashed', exitCode: 139 });
    return { defaultPrevented: fired.defaultPrevented };
  }
  window.webContents.emit(event, fired, url);
  return { defaultPrevented: fired.defaultPrevented };
}

async function run(command: Command): Promise<unknown> {
  switch (command.op) {
    case 'invoke': {
      const handler = invokeHandlers.get(command.channel);
      if (handler === undefined) throw new Error(`No handler registered for '${command.channel}'`);
      const senderFrame = {
        url: command.sender.url,
        parent:
          command.sender.isSubFrame === true ? { url: 'app://borgdesk/index.html', parent: null } : null,
      };
      const sender = firstWindow()?.webContents ?? null;
      return handler({ senderFrame, sender, frameId: 1, processId: 1 }, command.payload);
    }
    case 'fetch-app':
      return fetchApp(command.url, command.method);
    case 'emit-app': {
      const event = standinEvent();
      const listeners = app.listenerCount(command.event);
      app.emit(command.event, event, ...command.args);
      return { defaultPrevented: event.defaultPrevented, listeners };
    }
    case 'permission':
      return permission(command.kind, command.permission, command.url, command.isMainFrame);
    case 'click-tray-item':
      clickTrayItem(command.labels);
      return null;
    case 'window-event':
      return windowEvent(command.event, command.url);
    case 'ping':
      return null;
  }
}

process.on('message', (message: CommandMessage) => {
  run(message).then(
    (value) => reply({ type: 'reply', id: message.id, ok: true, value: value ?? null }),
    (error: unknown) =>
      reply({
        type: 'reply',
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
// The test process went away: leave too, never linger as an orphan with a borg running.
process.on('disconnect', () => process.exit(0));

try {
  createRequire(__filename)(options.bundle);
} catch (error) {
  record('standin:load-error', error instanceof Error ? (error.stack ?? error.message) : String(error));
  exitChild(70);
}
// Electron fires ready after the main script's synchronous part has run.
setImmediate(() => fireReady(app));
