/**
 * "Will a tray icon show?" on Linux, asked of the session D-Bus. Electron's Linux tray is a
 * StatusNotifierItem: it appears only where a StatusNotifier host runs (KDE, Ubuntu's GNOME with its
 * AppIndicator extension, XFCE's and others' panels), announced by the watcher service
 * `org.kde.StatusNotifierWatcher` and its `IsStatusNotifierHostRegistered` property. Asking is exact
 * where guessing from the desktop's name is not (stock GNOME with the extension installed, a panel
 * added to a tiling window manager).
 */
import type { EventEmitter } from 'node:events';
import { Message, MessageFlag, sessionBus, Variant } from '@jellybrick/dbus-next';

const WATCHER_NAME = 'org.kde.StatusNotifierWatcher';
const WATCHER_PATH = '/StatusNotifierWatcher';
const BUS_NAME = 'org.freedesktop.DBus';

/** present: a host shows tray icons; absent: none does; unknown: the bus could not be asked. */
export type StatusNotifierHost = 'present' | 'absent' | 'unknown';

/**
 * Ask the session bus at `busAddress` (DBUS_SESSION_BUS_ADDRESS) whether a StatusNotifier host is
 * registered. Never rejects; a silent bus answers 'unknown' after `timeoutMs`.
 */
export async function probeStatusNotifierHost(
  busAddress: string | undefined,
  timeoutMs = 1_000,
): Promise<StatusNotifierHost> {
  // `unixexec:` would start a process; Borgdesk starts processes only through borg/exec.ts.
  if (busAddress === undefined || !busAddress.split(';').every((entry) => /^(unix|tcp):/i.test(entry)))
    return 'unknown';
  const bus = sessionBus({ busAddress });
  const failed = new Promise<never>((_resolve, reject) => {
    // Without an 'error' listener the library's error event would crash the process.
    (bus as EventEmitter).on('error', reject);
    setTimeout(() => reject(new Error('the session bus did not answer')), timeoutMs).unref();
  });
  try {
    const ask = async (): Promise<StatusNotifierHost> => {
      await new Promise<void>((resolve) => bus.once('connect', () => resolve()));
      const owned = await bus.call(
        new Message({
          destination: BUS_NAME,
          path: '/org/freedesktop/DBus',
          interface: BUS_NAME,
          member: 'NameHasOwner',
          signature: 's',
          body: [WATCHER_NAME],
        }),
      );
      if (owned?.body[0] !== true) return 'absent';
      const reply = await bus.call(
        new Message({
          destination: WATCHER_NAME,
          path: WATCHER_PATH,
          interface: 'org.freedesktop.DBus.Properties',
          member: 'Get',
          signature: 'ss',
          body: [WATCHER_NAME, 'IsStatusNotifierHostRegistered'],
          flags: MessageFlag.NO_AUTO_START,
        }),
      );
      const value: unknown = reply?.body[0];
      return (value instanceof Variant ? value.value : value) === true ? 'present' : 'absent';
    };
    return await Promise.race([ask(), failed]);
  } catch {
    return 'unknown';
  } finally {
    bus.disconnect();
  }
}
