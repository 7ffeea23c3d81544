/**
 * Runs the BUILT desktop host (dist/main/index.cjs, from `npm run build`) in a child Node process
 * under a stand-in `electron` module (e2e/support/electron-standin). The real Electron binary cannot
 * be installed on this machine, so this test double records every Electron call and plays the
 * runtime's part (the lifecycle, renderer IPC, protocol requests, tray clicks); the core and borg
 * behind it are the real ones. Temporary HOME and XDG folders keep it off the user's files.
 *
 *   const run = await startDesktopHost();
 *   run.calls('Menu.setApplicationMenu');            // recorded calls, in order
 *   await run.waitFor('notification.show');          // bounded wait for a call
 *   await run.invoke('app:status', {});              // IPC from the app:// main frame
 *   await run.stop();
 */
import { build } from 'esbuild';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ReplyEnvelope, RequestName, RequestParams } from '../../src-main/ipc/contract.js';
import { INVOKE_CHANNEL } from '../../src-main/preload/channels.js';
import type {
  ChildMessage,
  Command,
  ProtocolAnswer,
  RecordedCall,
  SenderFrame,
  StandinOptions,
} from './electron-standin/messages.js';

export type { ProtocolAnswer, RecordedCall, SenderFrame };

/** The page our window loads: the trusted sender. */
export const APP_FRAME: SenderFrame = { url: 'app://borgdesk/index.html' };

/** How to start the host. */
export interface DesktopHostOptions {
  /** What `app.requestSingleInstanceLock()` answers; false plays a second start. Default true. */
  readonly singleInstanceLock?: boolean;
  /** What `Notification.isSupported()` answers. Default true. */
  readonly notificationsSupported?: boolean;
  /** Extra environment (over the sandbox's). */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra command-line arguments (e.g. '--hidden'). */
  readonly args?: readonly string[];
  /** Files to put below the temporary root before start, by relative path (e.g. a saved window state). */
  readonly files?: Readonly<Record<string, string>>;
  /** Resolve once this call is recorded. Default: `app.on('before-quit')`, the last step of start-up. */
  readonly startedWhen?: (call: RecordedCall) => boolean;
}

/** A running desktop host under the stand-in. */
export interface DesktopHostRun {
  /** The temporary root (home/, config/, cache/, borg/ below it). */
  readonly root: string;
  readonly homeDir: string;
  /** Recorded calls so far, all or those with this name (`app.enableSandbox`, `BrowserWindow.new`, ...). */
  calls(name?: string): RecordedCall[];
  /** The first call (from `after` on, by seq) with this name that `match` accepts; rejects after `timeoutMs`. */
  waitFor(
    name: string,
    match?: (call: RecordedCall) => boolean,
    options?: { readonly timeoutMs?: number; readonly after?: number },
  ): Promise<RecordedCall>;
  /** A request through the registered ipcMain handler, as `sender` (default: the app:// main frame). */
  invoke<N extends RequestName>(
    method: N,
    params: RequestParams<N>,
    sender?: SenderFrame,
  ): Promise<ReplyEnvelope>;
  /** Any payload on any ipcMain.handle channel (the stand-in answers an error if none is registered). */
  invokeRaw(channel: string, payload: unknown, sender?: SenderFrame): Promise<unknown>;
  /** Ask the registered protocol handler for `url`, as Chromium would. */
  fetchApp(url: string, method?: string): Promise<ProtocolAnswer>;
  /** Emit an app event (an Electron event object first); tells whether a listener prevented it. */
  emitApp(event: string, ...args: unknown[]): Promise<{ defaultPrevented: boolean; listeners: number }>;
  /** Ask the session's permission request or check handler; 'no handler' when none is set (Electron allows). */
  permission(
    kind: 'request' | 'check',
    permission: string,
    url: string,
    frame?: 'main' | 'sub',
  ): Promise<boolean | 'no handler'>;
  /** Click a tray menu entry by its labels (a submenu path), e.g. ('Back up now', 'Documents'). */
  clickTrayItem(...labels: string[]): Promise<void>;
  /** Fire a main-window event: 'will-navigate' / 'will-redirect' (url), 'window-open' (url), 'close', or 'render-process-gone' (url = the reason). */
  windowEvent(event: string, url?: string): Promise<unknown>;
  /** Wait until every call the child made before now has arrived (one round trip; no sleeping). */
  settle(): Promise<void>;
  /** Resolves with the child's exit code once it has exited (after app.quit()/exit()). */
  readonly exited: Promise<number | null>;
  /** Everything the bundle wrote to stdout and stderr. */
  output(): string;
  /** Kill the child (if still running) and delete the temporary folders. */
  stop(): Promise<void>;
}

const bundle = path.resolve('dist/main/index.cjs');
let compiledChild: Promise<string> | undefined;

// The stand-in is TypeScript; the child is plain Node, so it is bundled once per test run.
function compileChild(): Promise<string> {
  compiledChild ??= (async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-standin-'));
    const outfile = path.join(outDir, 'standin-child.cjs');
    await build({
      entryPoints: [path.resolve('e2e/support/electron-standin/child.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
      sourcemap: 'inline',
    });
    return outfile;
  })();
  return compiledChild;
}

/** Start the built desktop host under the stand-in and wait until its start-up has run. */
export async function startDesktopHost(options: DesktopHostOptions = {}): Promise<DesktopHostRun> {
  if (!existsSync(bundle)) throw new Error('dist/main/index.cjs is missing: run "npm run build" first');
  const script = await compileChild();
  const root = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-desktop-'));
  const homeDir = path.join(root, 'home');
  await mkdir(homeDir, { recursive: true });
  for (const [relative, text] of Object.entries(options.files ?? {})) {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), text);
  }
  const standinOptions: StandinOptions = {
    singleInstanceLock: options.singleInstanceLock ?? true,
    notificationsSupported: options.notificationsSupported ?? true,
    bundle,
  };
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing of the session running the tests: no display, agent, keyring or desktop name.
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'SSH_AUTH_SOCK', 'XDG_CURRENT_DESKTOP', 'BORGDESK_TRAY'])
    delete env[name];
  Object.assign(env, {
    HOME: homeDir,
    XDG_CONFIG_HOME: path.join(root, 'config'),
    XDG_DATA_HOME: path.join(root, 'data'),
    XDG_STATE_HOME: path.join(root, 'state'),
    XDG_CACHE_HOME: path.join(root, 'cache'),
    BORG_BASE_DIR: path.join(root, 'borg'),
    DBUS_SESSION_BUS_ADDRESS: '',
    BORGDESK_STANDIN_OPTIONS: JSON.stringify(standinOptions),
    ...options.env,
  });
  const child: ChildProcess = fork(script, [...(options.args ?? [])], {
    env,
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));

  const calls: RecordedCall[] = [];
  const waiters = new Set<() => void>();
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      for (const { reject } of pending.values()) reject(new Error(`the desktop host exited (${code})`));
      pending.clear();
      for (const wake of waiters) wake();
      resolve(code);
    }),
  );
  child.on('message', (message: ChildMessage) => {
    if (message.type === 'call') {
      calls.push(message.call);
      for (const wake of waiters) wake();
    } else if (message.type === 'reply') {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.error));
    }
  });

  const send = (command: Command): Promise<unknown> => {
    if (exitCode !== undefined) return Promise.reject(new Error(`the desktop host has exited (${exitCode})`));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      child.send({ ...command, id });
    });
  };

  // Resolves with what `find` finds once it finds it; rejects when the child exits first or time runs out.
  const waitUntil = <T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = find();
        if (found === undefined && exitCode === undefined) return;
        clearTimeout(timer);
        waiters.delete(check);
        if (found !== undefined) resolve(found);
        else reject(new Error(`the desktop host exited (${exitCode}) before ${what}:\n${output.join('')}`));
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        const names = calls.map((call) => call.name).join(', ');
        reject(new Error(`no ${what} within ${timeoutMs} ms; recorded: ${names}\n${output.join('')}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  const waitFor: DesktopHostRun['waitFor'] = (name, match = () => true, waitOptions = {}) => {
    const after = waitOptions.after ?? 0;
    return waitUntil(
      () => calls.find((call) => call.seq > after && call.name === name && match(call)),
      name,
      waitOptions.timeoutMs ?? 10_000,
    );
  };

  let envelopeId = 1;
  const run: DesktopHostRun = {
    root,
    homeDir,
    calls: (name) => (name === undefined ? [...calls] : calls.filter((call) => call.name === name)),
    waitFor,
    invoke: (method, params, sender = APP_FRAME) =>
      send({
        op: 'invoke',
        channel: INVOKE_CHANNEL,
        payload: { id: envelopeId++, method, params },
        sender,
      }) as Promise<ReplyEnvelope>,
    invokeRaw: (channel, payload, sender = APP_FRAME) => send({ op: 'invoke', channel, payload, sender }),
    fetchApp: (url, method = 'GET') => send({ op: 'fetch-app', url, method }) as Promise<ProtocolAnswer>,
    emitApp: (event, ...args) =>
      send({ op: 'emit-app', event, args }) as Promise<{ defaultPrevented: boolean; listeners: number }>,
    permission: (kind, permission, url, frame = 'main') =>
      send({ op: 'permission', kind, permission, url, isMainFrame: frame === 'main' }) as Promise<
        boolean | 'no handler'
      >,
    clickTrayItem: async (...labels) => {
      await send({ op: 'click-tray-item', labels });
    },
    windowEvent: (event, url) => send({ op: 'window-event', event, ...(url !== undefined ? { url } : {}) }),
    settle: async () => {
      await send({ op: 'ping' });
    },
    exited,
    output: () => output.join(''),
    async stop() {
      if (exitCode === undefined) child.kill('SIGKILL');
      await exited;
      await rm(root, { recursive: true, force: true, maxRetries: 3 });
    },
  };
  const startedWhen =
    options.startedWhen ?? ((call: RecordedCall) => call.name === 'app.on' && call.args[0] === 'before-quit');
  try {
    // A host that exits during start-up (a second instance) has started as far as it goes.
    await waitUntil(
      () => calls.find(startedWhen) ?? (exitCode !== undefined ? true : undefined),
      'start-up',
      10_000,
    );
  } catch (error) {
    await run.stop();
    throw error;
  }
  return run;
}
