/**
 * The Electron host's EnvironmentSource: the Node source (polling, and NetworkManager's metered
 * state over D-Bus on Linux) with the battery taken from `powerMonitor`, which asks the OS (UPower
 * on Linux, IOKit on macOS, GetSystemPowerStatus on Windows). Its 'on-battery' / 'on-ac' events
 * trigger a read at once, so a switch is not left to the next poll.
 *
 * Electron itself has no API for metered connections (Chromium's Network Information API says
 * nothing about metering); elsewhere than Linux that stays unknown, which never holds a run back.
 */
import { powerMonitor } from 'electron';
import { createNodeEnvironmentSource } from '../core/environment/node-environment.js';
import type { EnvironmentSource } from '../core/services.js';

/** An environment source backed by `powerMonitor`; use only after `app.whenReady()`. */
export function createElectronEnvironment(): EnvironmentSource {
  const source = createNodeEnvironmentSource({
    platform: process.platform,
    systemBusAddress: process.env['DBUS_SYSTEM_BUS_ADDRESS'],
    // A platform that cannot tell throws; the source then counts the battery as unknown.
    readOnBattery: async () => powerMonitor.isOnBatteryPower(),
  });
  return {
    current: () => source.current(),
    onChange(listener) {
      const stopListening = source.onChange(listener);
      // refresh() never rejects and tells the listener only when the state really changed.
      const readNow = (): void => void source.refresh();
      powerMonitor.on('on-battery', readNow);
      powerMonitor.on('on-ac', readNow);
      return () => {
        powerMonitor.removeListener('on-battery', readNow);
        powerMonitor.removeListener('on-ac', readNow);
        stopListening();
      };
    },
  };
}
