/**
 * The Electron host's EnvironmentSource: battery state from `powerMonitor`, which asks the OS
 * (UPower on Linux, IOKit on macOS, GetSystemPowerStatus on Windows) and reports every switch
 * through its 'on-battery' / 'on-ac' events, so no polling is needed.
 *
 * Metered connections stay unknown: Electron has no API for them (Chromium's Network Information
 * API says nothing about metering), and an unknown state never holds a run back.
 */
import { powerMonitor } from 'electron';
import type { EnvironmentSource } from '../core/services.js';

/** An environment source backed by `powerMonitor`; use only after `app.whenReady()`. */
export function createElectronEnvironment(): EnvironmentSource {
  return {
    current() {
      try {
        return { onBattery: powerMonitor.isOnBatteryPower() };
      } catch {
        return {}; // best effort: a platform that cannot tell leaves the state unknown
      }
    },
    onChange(listener) {
      // A listener that throws must not break Electron's own emitter.
      const handler = (): void => {
        try {
          listener();
        } catch (error) {
          console.warn(
            'Borgdesk: handling a power change failed:',
            error instanceof Error ? error.message : error,
          );
        }
      };
      powerMonitor.on('on-battery', handler);
      powerMonitor.on('on-ac', handler);
      return () => {
        powerMonitor.removeListener('on-battery', handler);
        powerMonitor.removeListener('on-ac', handler);
      };
    },
  };
}
