/**
 * Loads the BUILT preload (dist/main/preload.cjs) the way a sandboxed Electron renderer would: in its
 * own VM context, with a `require` that offers nothing but a stand-in `electron` (contextBridge and
 * ipcRenderer, recording what the preload does). The real Electron cannot be installed on this
 * machine; this shows what the bundle exposes and which channels it uses, not Electron's copying.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** An `ipcRenderer.invoke` the preload made. */
export interface PreloadInvoke {
  readonly channel: string;
  readonly args: readonly unknown[];
}

/** The preload after it ran. */
export interface PreloadRun {
  /** What `contextBridge.exposeInMainWorld` received, by name. */
  readonly exposed: ReadonlyMap<string, unknown>;
  /** The modules the preload asked `require` for, in order. */
  readonly required: readonly string[];
  /** Every `ipcRenderer.invoke`, in order. */
  readonly invokes: readonly PreloadInvoke[];
  /** The channels the preload listens on with `ipcRenderer.on`. */
  listenedChannels(): string[];
  /** Deliver a main → renderer message on `channel`, as the main process's `webContents.send` would. */
  deliver(channel: string, ...args: unknown[]): void;
  /** Members of the stand-in the preload touched but the stand-in lacks (each also threw). */
  readonly missing: readonly string[];
  /** What the last console.error call printed (the preload logs broken listeners there). */
  readonly consoleErrors: readonly unknown[][];
}

/** Load `dist/main/preload.cjs`; `answer` plays the main process for `ipcRenderer.invoke`. */
export function loadPreload(answer: (channel: string, ...args: unknown[]) => unknown): PreloadRun {
  const file = path.resolve('dist/main/preload.cjs');
  const exposed = new Map<string, unknown>();
  const required: string[] = [];
  const invokes: PreloadInvoke[] = [];
  const missing: string[] = [];
  const consoleErrors: unknown[][] = [];
  const listeners = new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>();

  const strict = <T extends object>(label: string, target: T): T =>
    new Proxy(target, {
      get(object, key) {
        if (typeof key === 'symbol' || key in object) return Reflect.get(object, key) as unknown;
        if (key === 'then' || key === '__esModule') return undefined;
        missing.push(`${label}.${key}`);
        throw new Error(`The electron stand-in has no ${label}.${key} for the preload.`);
      },
    });
  const electron = strict('electron', {
    contextBridge: strict('contextBridge', {
      exposeInMainWorld(name: string, api: unknown) {
        exposed.set(name, api);
      },
    }),
    ipcRenderer: strict('ipcRenderer', {
      invoke(channel: string, ...args: unknown[]) {
        invokes.push({ channel, args });
        return Promise.resolve(answer(channel, ...args));
      },
      on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
      removeListener(channel: string, listener: unknown) {
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((known) => known !== listener),
        );
      },
    }),
  });
  // A sandboxed preload gets a require() that knows only a few modules; ours may ask for electron alone.
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`Cannot find module '${name}' (a sandboxed preload)`);
  };
  const module = { exports: {} };
  const context = vm.createContext({
    console: { ...console, error: (...args: unknown[]) => consoleErrors.push(args) },
  });
  const wrapped = vm.runInContext(
    `(function (require, module, exports) {${readFileSync(file, 'utf8')}\n})`,
    context,
    {
      filename: file,
    },
  ) as (req: typeof sandboxRequire, mod: typeof module, exp: object) => void;
  wrapped(sandboxRequire, module, module.exports);

  return {
    exposed,
    required,
    invokes,
    missing,
    consoleErrors,
    listenedChannels: () =>
      [...listeners.keys()].filter((channel) => (listeners.get(channel) ?? []).length > 0),
    deliver(channel, ...args) {
      // The IpcRendererEvent carries `sender`; the preload must not pass it on to page code.
      const event = { sender: { send: () => undefined }, senderId: 0, ports: [] };
      for (const listener of listeners.get(channel) ?? []) listener(event, ...args);
    },
  };
}
