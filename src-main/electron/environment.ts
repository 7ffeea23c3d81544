/**
 * The Electron host's EnvironmentSource: the Node source (polling, and NetworkManager's metered
 * state over D-Bus on Linux). On macOS and Windows the battery is taken from `powerMonitor` (IOKit,
 * GetSystemPowerStatus), and the power events Electron fires there (powerEventsFor) trigger a read at
 * once; on Linux, where Electron fires none, the Node source reads /sys/class/power_supply at each poll
 * like the browser host does.
 *
 * Electron itself has no API for metered connections (Chromium's Network Information API says
 * nothing about metering); elsewhere than Linux that stays unknown, which never holds a run back.
 */
import { powerMonitor } from 'electron';
import { createNodeEnvironmentSource } from '../core/environment/node-environment.js';
import type { EnvironmentSource } from '../core/services.js';
import { powerEventsFor } from './power-event-names.js';

/** An environment source backed by `powerMonitor`; use only after `app.whenReady()`. */
export function createElectronEnvironment(): EnvironmentSource {
  const source = createNodeEnvironmentSource({
    platform: process.platform,
    systemBusAddress: process.env['DBUS_SYSTEM_BUS_ADDRESS'],
    // A platform that cannot tell throws; the source then counts the battery as unknown.
    ...(process.platform === 'linux' ? {} : { readOnBattery: async () => powerMonitor.isOnBatteryPower() }),
  });
  const events = powerEventsFor(process.platform);
  return {
    current: () => source.current(),
    onChange(listener) {
      const stopListening = source.onChange(listener);
      // refresh() never rejects and tells the listener only when the state really changed.
      const readNow = (): void => void source.refresh();
      // Overloads are typed per event name; the names come from powerEventsFor.
      const monitor = powerMonitor as unknown as NodeJS.EventEmitter;
      for (const event of events) monitor.on(event, readNow);
      return () => {
        for (const event of events) monitor.removeListener(event, readNow);
        stopListening();
      };
    },
  };
}
