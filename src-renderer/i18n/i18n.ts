/**
 * i18next for the renderer: bundled catalogs (no loading), English as fallback, plurals through
 * Intl.PluralRules (i18next's `_one` / `_other` keys), React escaping left to React.
 */
import i18next, { type PostProcessorModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  chooseLocale,
  PSEUDO_LANGUAGE,
  type LanguageSetting,
  type LocaleChoice,
} from '../../src-main/model/languages.js';
import { setFormatLocale } from './locale-state.js';
import { markTranslated, setPseudoMarking } from './pseudo.js';
import { deResources, enResources, NAMESPACES } from './resources.js';

const pseudoMarker: PostProcessorModule = {
  type: 'postProcessor',
  name: 'pseudo-marker',
  process: (value: string) => markTranslated(value),
};

let current: LocaleChoice = { language: 'en', formatLocale: 'en' };

/** The `?locale=` of the page, if any (tests and screenshots pick a language without Settings). */
function pageOverride(): string | undefined {
  if (typeof location === 'undefined') return undefined;
  return new URLSearchParams(location.search).get('locale') ?? undefined;
}

function systemLocales(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages;
}

function apply(choice: LocaleChoice): void {
  current = choice;
  setFormatLocale(choice.formatLocale);
  setPseudoMarking(choice.language === PSEUDO_LANGUAGE);
  if (typeof document !== 'undefined') {
    document.documentElement.lang = choice.language === PSEUDO_LANGUAGE ? 'en' : choice.formatLocale;
  }
}

/** Starts i18next synchronously with the system's language (Settings may change it once loaded). */
export function setupI18n(setting: LanguageSetting = 'system'): typeof i18next {
  const choice = chooseLocale(setting, systemLocales(), pageOverride());
  apply(choice);
  void i18next
    .use(initReactI18next)
    .use(pseudoMarker)
    .init({
      initAsync: false,
      resources: { en: enResources, de: deResources, [PSEUDO_LANGUAGE]: enResources },
      lng: choice.language,
      fallbackLng: 'en',
      ns: NAMESPACES,
      defaultNS: 'common',
      postProcess: ['pseudo-marker'],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return i18next;
}

/** Applies the Settings choice (no-op when the page's `?locale=` decides, or nothing changed). */
export function applyLanguageSetting(setting: LanguageSetting): void {
  const choice = chooseLocale(setting, systemLocales(), pageOverride());
  if (choice.language === current.language && choice.formatLocale === current.formatLocale) return;
  apply(choice);
  void i18next.changeLanguage(choice.language);
}

/** The language strings currently come from. */
export function currentLanguage(): LocaleChoice['language'] {
  return current.language;
}
