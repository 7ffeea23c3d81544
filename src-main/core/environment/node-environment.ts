/**
 * The EnvironmentSource of the browser host (plain Node, no Electron), also used by the Electron
 * host with its own battery reader: battery and metered state polled once a minute, listeners told
 * when either changes.
 *
 * What plain Node can tell without spawning a process:
 * - Linux: battery from /sys/class/power_supply (see linux-power-supply.ts); metered connections
 *   from NetworkManager over the system D-Bus (see networkmanager-metered.ts), whose change signals
 *   trigger a read at once instead of waiting for the poll.
 * - macOS, Windows: nothing cheap (IOKit / GetSystemPowerStatus need native code), so unknown.
 */
import type { EnvironmentSource } from '../services.js';
import {
  systemTimers,
  type EnvironmentState,
  type SchedulerTimers,
  type TimerHandle,
} from '../schedule/scheduler-types.js';
import { readLinuxOnBattery } from './linux-power-supply.js';
import { createNetworkManagerMetered, type MeteredReader } from './networkmanager-metered.js';
import { log } from '../logging/log.js';

/** What the Node environment source is built from; every part injectable for tests. */
export interface NodeEnvironmentOptions {
  readonly platform: NodeJS.Platform;
  /** Reads the battery state (default: the /sys reader on Linux, unknown elsewhere). */
  readonly readOnBattery?: () => Promise<boolean | undefined>;
  /** Reads the metered state (default: NetworkManager on the system bus on Linux, unknown elsewhere). */
  readonly metered?: MeteredReader;
  /** The system bus for NetworkManager: the host's DBUS_SYSTEM_BUS_ADDRESS (default: the standard socket). */
  readonly systemBusAddress?: string;
  readonly timers?: SchedulerTimers;
  /** Time between polls. Default 60 s, the scheduler's own re-check interval. */
  readonly intervalMs?: number;
}

/** An EnvironmentSource that can also be asked to read now (tests, and the first read). */
export interface PollingEnvironmentSource extends EnvironmentSource {
  /** Read the state now; listeners are told if it changed. Never rejects. */
  refresh(): Promise<void>;
}

/**
 * Polls, and keeps the D-Bus connection open, only while someone listens, so an unused source
 * leaves no timer or socket behind. `current()` is unknown (`{}`) until the first read has
 * finished, which never holds a run back.
 */
export function createNodeEnvironmentSource(options: NodeEnvironmentOptions): PollingEnvironmentSource {
  const readOnBattery = options.readOnBattery ?? defaultBatteryReader(options.platform);
  const metered =
    options.metered ??
    (options.platform === 'linux'
      ? createNetworkManagerMetered({ busAddress: options.systemBusAddress })
      : undefined);
  const timers = options.timers ?? systemTimers;
  const intervalMs = options.intervalMs ?? 60_000;
  const listeners = new Set<() => void>();
  let state: EnvironmentState = {};
  let timer: TimerHandle | undefined;
  let listening = false;
  let stopHearingMetered: (() => void) | undefined;
  let readsUnderWay = 0;

  // Closing while another read uses the connection would turn that read into "unknown".
  const releaseMeteredIfIdle = (): void => {
    if (!listening && readsUnderWay === 0) metered?.close();
  };
  const refresh = async (): Promise<void> => {
    readsUnderWay++;
    const [onBattery, isMetered] = await Promise.all([readOrUnknown(readOnBattery), metered?.read()]);
    readsUnderWay--;
    releaseMeteredIfIdle();
    if (onBattery === state.onBattery && isMetered === state.metered) return;
    state = {
      ...(onBattery !== undefined && { onBattery }),
      ...(isMetered !== undefined && { metered: isMetered }),
    };
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        log.warn('Borgdesk: an environment listener failed', error instanceof Error ? error.message : error);
      }
    }
  };
  // `timer` is undefined while a read is under way, so a listener added meanwhile cannot start a
  // second chain of polls.
  const schedule = (): void => {
    timer = timers.setTimer(intervalMs, () => {
      timer = undefined;
      void refresh().finally(() => {
        if (listening && timer === undefined) schedule();
      });
    });
  };

  void refresh();
  return {
    current: () => state,
    refresh,
    onChange(listener) {
      listeners.add(listener);
      if (!listening && metered !== undefined) {
        stopHearingMetered = metered.onChange(() => void refresh());
        void refresh(); // opens the connection that carries NetworkManager's change signals
      }
      listening = true;
      if (timer === undefined) schedule();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        listening = false;
        if (timer !== undefined) timers.clearTimer(timer);
        timer = undefined;
        stopHearingMetered?.();
        stopHearingMetered = undefined;
        releaseMeteredIfIdle();
      };
    },
  };
}

// Best effort: a failed read is an unknown state.
async function readOrUnknown(read: () => Promise<boolean | undefined>): Promise<boolean | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}

function defaultBatteryReader(platform: NodeJS.Platform): () => Promise<boolean | undefined> {
  return platform === 'linux' ? () => readLinuxOnBattery() : async () => undefined;
}
