/** The core's DesktopIntegration for the Electron host: the login item and the live tray status. */
import type { StatusNotifierHost } from '../core/environment/status-notifier-host.js';
import type { DesktopIntegration } from '../core/services.js';
import type { Background } from './background.js';
import { setStartAtLogin } from './login-item.js';
import { trayHostProblem } from './tray-support.js';

/**
 * `background` is read at each call: the core is built before the tray exists (the tray menu needs
 * the core), so until then the tray status is what this desktop is expected to allow.
 */
export function createDesktopIntegration(
  background: () => Background | undefined,
  statusNotifierHost: StatusNotifierHost,
): DesktopIntegration {
  return {
    setStartAtLogin,
    trayProblem() {
      const running = background();
      return running !== undefined
        ? running.trayProblem()
        : trayHostProblem(process.platform, process.env, statusNotifierHost);
    },
  };
}
