/** The request handlers of the settings domain (see ipc/contract/settings.ts). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { settingsRequests } from '../../ipc/contract/settings.js';
import type { AppStatusService } from '../app-status.js';
import type { DesktopIntegration } from '../services.js';
import type { Settings } from '../../model/settings.js';
import type { SettingsStore } from './settings-store.js';

/** What the settings handlers use. */
export interface SettingsHandlerDeps {
  readonly settings: SettingsStore;
  readonly status: AppStatusService;
  readonly desktop: DesktopIntegration | undefined;
  /** After a saved update (e.g. a smaller index cache cap trims the cache). */
  readonly onUpdated?: (next: Settings, before: Settings) => void;
}

// The metrics textfile's requests have their own handlers (metrics/metrics-handlers.ts).
type PlainSettingsRequests = Pick<typeof settingsRequests, 'settings:get' | 'settings:update'>;

/** One handler per settings request. */
export function settingsHandlers(deps: SettingsHandlerDeps): HandlersFor<PlainSettingsRequests> {
  const { settings } = deps;
  return {
    'settings:get': async () => settings.get(),
    'settings:update': async (patch) => {
      const previous = settings.get();
      const next = await settings.update(patch);
      if (next.borgPath !== previous.borgPath) deps.status.invalidateBorg();
      deps.onUpdated?.(next, previous);
      if (patch.startAtLogin !== undefined) deps.desktop?.setStartAtLogin(next.startAtLogin);
      return next;
    },
  };
}
