/**
 * "On a metered connection?" on Linux, asked of NetworkManager. It publishes its verdict (set in the
 * connection profile, or guessed, e.g. for a phone's hotspot) only over the system D-Bus, as the
 * `Metered` property of its main object, so a pure-JS D-Bus client reads it here: no helper process,
 * no native code.
 *
 * One connection is kept while in use, so a change arrives as a PropertiesChanged signal instead of
 * waiting for the next poll. Every failure (no bus, no NetworkManager, a slow answer) reads as
 * unknown, which never holds a run back, and is mentioned at most once, and only with
 * NODE_DEBUG=borgdesk: most machines without NetworkManager are perfectly normal.
 */
import type { EventEmitter } from 'node:events';
import { debuglog } from 'node:util';
import {
  DBusError,
  Message,
  MessageFlag,
  MessageType,
  sessionBus,
  Variant,
  type MessageBus,
} from '@jellybrick/dbus-next';

/** Where the system bus listens when DBUS_SYSTEM_BUS_ADDRESS does not say otherwise. */
export const DEFAULT_SYSTEM_BUS_ADDRESS = 'unix:path=/var/run/dbus/system_bus_socket';

const NM_NAME = 'org.freedesktop.NetworkManager';
const NM_PATH = '/org/freedesktop/NetworkManager';
const NM_INTERFACE = 'org.freedesktop.NetworkManager';
const PROPERTIES_INTERFACE = 'org.freedesktop.DBus.Properties';
const BUS_NAME = 'org.freedesktop.DBus';
const BUS_PATH = '/org/freedesktop/DBus';

// Changes of NetworkManager's own properties, and NetworkManager starting or stopping (its value
// then changes without a PropertiesChanged).
const MATCH_RULES = [
  `type='signal',sender='${NM_NAME}',interface='${PROPERTIES_INTERFACE}',member='PropertiesChanged',path='${NM_PATH}',arg0='${NM_INTERFACE}'`,
  `type='signal',sender='${BUS_NAME}',interface='${BUS_NAME}',member='NameOwnerChanged',arg0='${NM_NAME}'`,
];

const debug = debuglog('borgdesk');

/** What the reader is built from. */
export interface NetworkManagerMeteredOptions {
  /** D-Bus address of the bus to ask (default: the standard system bus socket). */
  readonly busAddress?: string;
  /** Longest wait for the bus or NetworkManager to answer. Default 2 s. */
  readonly timeoutMs?: number;
}

/** NetworkManager's metered verdict, read on demand, with change notices while connected. */
export interface MeteredReader {
  /** True metered, false not metered, undefined unknown. Never rejects. Connects when needed. */
  read(): Promise<boolean | undefined>;
  /** Calls `listener` when the verdict may have changed (heard while connected); returns the unsubscribe. */
  onChange(listener: () => void): () => void;
  /** Closes the connection, ending any wait on it at once; a later `read()` opens a new one. */
  close(): void;
}

/** Maps NMMetered (0 unknown, 1 yes, 2 no, 3 guess-yes, 4 guess-no) to metered or not. */
export function meteredFromNetworkManager(value: unknown): boolean | undefined {
  if (value === 1 || value === 3) return true;
  if (value === 2 || value === 4) return false;
  return undefined;
}

/** A reader of NetworkManager's global `Metered` property on the system bus (or the given one). */
export function createNetworkManagerMetered(options: NetworkManagerMeteredOptions = {}): MeteredReader {
  const address = options.busAddress ?? DEFAULT_SYSTEM_BUS_ADDRESS;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const listeners = new Set<() => void>();
  let connection: Promise<OpenBus> | undefined;
  let explained = false;

  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  const drop = (pending: Promise<OpenBus>): void => {
    if (connection === pending) connection = undefined;
    pending.then(
      (open) => open.close(new Error('closed')),
      () => undefined,
    );
  };
  const connect = (): Promise<OpenBus> => {
    const pending: Promise<OpenBus> = openBus(address, timeoutMs, {
      onChange: notify,
      // A broken connection is forgotten at once, so the next read opens a new one.
      onClose: () => {
        if (connection === pending) connection = undefined;
      },
    });
    return pending;
  };

  return {
    async read() {
      const pending = (connection ??= connect());
      try {
        const open = await pending;
        const reply = await within(open.bus.call(getMeteredMessage()), open.closed, timeoutMs);
        const value: unknown = reply?.body[0];
        return meteredFromNetworkManager(value instanceof Variant ? value.value : undefined);
      } catch (error) {
        // A D-Bus error reply (typically: NetworkManager is not running) comes over a working
        // connection, which is kept for the NameOwnerChanged that announces NetworkManager's start.
        if (!(error instanceof DBusError)) drop(pending);
        if (!explained) {
          explained = true;
          debug(
            'metered connection unknown, NetworkManager not reachable on %s: %s',
            address,
            describe(error),
          );
        }
        return undefined;
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      if (connection !== undefined) drop(connection);
    },
  };
}

interface OpenBus {
  readonly bus: MessageBus;
  /** Aborted when the connection closes or breaks, so every wait on it ends at once. */
  readonly closed: AbortSignal;
  close(reason: unknown): void;
}

interface BusEvents {
  /** A signal said NetworkManager's verdict may have changed. */
  readonly onChange: () => void;
  /** The connection closed or broke. */
  readonly onClose: () => void;
}

async function openBus(address: string, timeoutMs: number, events: BusEvents): Promise<OpenBus> {
  // `unixexec:` would start a process; Borgdesk starts processes only through borg/exec.ts.
  if (!address.split(';').every((entry) => /^(unix|tcp):/i.test(entry))) {
    throw new Error(`unsupported bus address "${address}"`);
  }
  // sessionBus() is the library's plain "connect to this address"; systemBus() would ignore the
  // address given here in favour of the environment.
  const bus = sessionBus({ busAddress: address });
  const aborter = new AbortController();
  const close = (reason: unknown): void => {
    if (aborter.signal.aborted) return;
    aborter.abort(reason);
    bus.removeAllListeners('message');
    bus.disconnect();
    events.onClose();
  };
  // Without an 'error' listener the library's error event would crash the process (its typings
  // leave that event out, hence the plain EventEmitter view).
  (bus as EventEmitter).on('error', (error: unknown) => close(error));
  bus.on('message', (message) => {
    if (message.type === MessageType.SIGNAL && announcesChange(message)) events.onChange();
  });
  try {
    await within(
      new Promise<void>((resolve) => bus.once('connect', () => resolve())),
      aborter.signal,
      timeoutMs,
    );
    for (const rule of MATCH_RULES) await within(bus.call(addMatchMessage(rule)), aborter.signal, timeoutMs);
  } catch (error) {
    close(error);
    throw error;
  }
  return { bus, closed: aborter.signal, close };
}

function announcesChange(message: Message): boolean {
  const [subject, changed, invalidated] = message.body;
  if (message.interface === BUS_NAME) return message.member === 'NameOwnerChanged' && subject === NM_NAME;
  return (
    message.interface === PROPERTIES_INTERFACE &&
    message.member === 'PropertiesChanged' &&
    message.path === NM_PATH &&
    subject === NM_INTERFACE &&
    ((typeof changed === 'object' && changed !== null && 'Metered' in changed) ||
      (Array.isArray(invalidated) && invalidated.includes('Metered')))
  );
}

function getMeteredMessage(): Message {
  return new Message({
    destination: NM_NAME,
    path: NM_PATH,
    interface: PROPERTIES_INTERFACE,
    member: 'Get',
    signature: 'ss',
    body: [NM_INTERFACE, 'Metered'],
    // Asking must not start NetworkManager on a machine where it is installed but disabled.
    flags: MessageFlag.NO_AUTO_START,
  });
}

function addMatchMessage(rule: string): Message {
  return new Message({
    destination: BUS_NAME,
    path: BUS_PATH,
    interface: BUS_NAME,
    member: 'AddMatch',
    signature: 's',
    body: [rule],
  });
}

// The library never fails a call whose connection went away (it queues the message), so every
// wait is bounded by the connection's lifetime and a timeout.
function within<T>(work: Promise<T>, closed: AbortSignal, timeoutMs: number): Promise<T> {
  const signal = AbortSignal.any([closed, AbortSignal.timeout(timeoutMs)]);
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function describe(error: unknown): string {
  if (error instanceof DBusError) return error.type;
  return error instanceof Error ? error.message : String(error);
}
