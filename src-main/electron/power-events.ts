/** The Electron host's PowerEvents: resume from suspend, as Electron's powerMonitor reports it. */
import { powerMonitor } from 'electron';
import type { Logger } from '../core/logging/logger.js';
import type { PowerEvents } from '../core/services.js';

/** Power events backed by `powerMonitor`; use only after `app.whenReady()`. */
export function createPowerEvents(logger: Logger): PowerEvents {
  return {
    onResume(listener) {
      // A listener that throws must not break Electron's own emitter.
      const handler = (): void => {
        try {
          listener();
        } catch (error) {
          logger.warn('handling resume failed', error);
        }
      };
      powerMonitor.on('resume', handler);
      return () => {
        powerMonitor.removeListener('resume', handler);
      };
    },
  };
}
