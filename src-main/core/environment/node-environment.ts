/**
 * The EnvironmentSource of the browser host (plain Node, no Electron): battery state polled once a
 * minute, listeners told when it changes.
 *
 * What plain Node can tell without spawning a process:
 * - Linux: battery from /sys/class/power_supply (see linux-power-supply.ts).
 * - macOS, Windows: nothing cheap (IOKit / GetSystemPowerStatus need native code), so unknown.
 * - Metered connections: unknown everywhere. NetworkManager only publishes its `Metered` property
 *   over D-Bus, which needs a client library or a helper process; unknown never blocks a run.
 */
import type { EnvironmentSource } from '../services.js';
import {
  systemTimers,
  type EnvironmentState,
  type SchedulerTimers,
  type TimerHandle,
} from '../schedule/scheduler-types.js';
import { readLinuxOnBattery } from './linux-power-supply.js';

/** What the Node environment source is built from; every part injectable for tests. */
export interface NodeEnvironmentOptions {
  readonly platform: NodeJS.Platform;
  /** Reads the battery state (default: the /sys reader on Linux, unknown elsewhere). */
  readonly readOnBattery?: () => Promise<boolean | undefined>;
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
 * Polls only while someone listens, so an unused source leaves no timer behind. `current()` is
 * unknown (`{}`) until the first read has finished, which never holds a run back.
 */
export function createNodeEnvironmentSource(options: NodeEnvironmentOptions): PollingEnvironmentSource {
  const readOnBattery = options.readOnBattery ?? defaultBatteryReader(options.platform);
  const timers = options.timers ?? systemTimers;
  const intervalMs = options.intervalMs ?? 60_000;
  const listeners = new Set<() => void>();
  let state: EnvironmentState = {};
  let timer: TimerHandle | undefined;

  const refresh = async (): Promise<void> => {
    let onBattery: boolean | undefined;
    try {
      onBattery = await readOnBattery();
    } catch {
      onBattery = undefined; // best effort: a failed read is an unknown state
    }
    if (onBattery === state.onBattery) return;
    state = onBattery === undefined ? {} : { onBattery };
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        console.warn(
          'Borgdesk: an environment listener failed:',
          error instanceof Error ? error.message : error,
        );
      }
    }
  };
  // `timer` is undefined while a read is under way, so a listener added meanwhile cannot start a
  // second chain of polls.
  let listening = false;
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
      listening = true;
      if (timer === undefined) schedule();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        listening = false;
        if (timer !== undefined) timers.clearTimer(timer);
        timer = undefined;
      };
    },
  };
}

function defaultBatteryReader(platform: NodeJS.Platform): () => Promise<boolean | undefined> {
  return platform === 'linux' ? () => readLinuxOnBattery() : async () => undefined;
}
