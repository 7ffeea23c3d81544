/**
 * The desktop host's language: Settings → Language, or the system's preferred languages as
 * Electron reports them. The job titles come from the renderer's `core` catalog (`jobTitle.*`), so
 * their German is written once: the core may not import the renderer's files, the Electron glue may.
 */
import { app } from 'electron';
import enCore from '../../src-renderer/i18n/locales/en/core.json';
import deCore from '../../src-renderer/i18n/locales/de/core.json';
import type { Core } from '../core/services.js';
import {
  createDesktopLanguage,
  type DesktopLanguage,
  type JobTitleCatalogs,
} from '../core/i18n/desktop-words.js';

/** The job titles of both languages, as the window words them. */
export const JOB_TITLE_CATALOGS: JobTitleCatalogs = { en: enCore.jobTitle, de: deCore.jobTitle };

/** The system's preferred languages, most preferred first (the OS setting, not only the UI locale). */
export function electronSystemLocales(): readonly string[] {
  try {
    const preferred = app.getPreferredSystemLanguages();
    if (preferred.length > 0) return preferred;
  } catch {
    // Older platforms may not answer; the application locale is the next best guess.
  }
  return [app.getLocale()];
}

/** Desktop words following `core`'s language setting. */
export function createHostLanguage(core: Core, systemLocales: () => readonly string[]): DesktopLanguage {
  return createDesktopLanguage(core.settings().language, systemLocales(), JOB_TITLE_CATALOGS);
}

/**
 * The same core, whose `settings:update` also calls `onUpdated` once the new settings are saved, so a
 * language picked in Settings re-words the tray and the menus without a restart.
 */
export function withSettingsWatch(core: Core, onUpdated: () => void): Core {
  const update = core.handlers['settings:update'];
  return {
    ...core,
    settings: () => core.settings(),
    subscribe: (listener) => core.subscribe(listener),
    dispose: () => core.dispose(),
    handlers: {
      ...core.handlers,
      'settings:update': async (request) => {
        const result = await update(request);
        onUpdated();
        return result;
      },
    },
  };
}
