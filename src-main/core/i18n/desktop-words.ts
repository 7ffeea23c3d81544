/**
 * The desktop host's own words (tray, menus, notifications, crash dialogs): what the OS shows, not
 * the renderer. A separate i18next instance with its own catalog and its own key type, because the
 * renderer's global CustomTypeOptions describes the renderer's catalogs only (tsconfig sees both
 * trees, so a second global declaration would clash).
 */
import { createInstance, type i18n } from 'i18next';
import type { JobTitleWords } from '../../model/job.js';
import { englishJobTitle } from '../../model/job-titles.js';
import { chooseLocale, type LanguageSetting, type ShippedLanguage } from '../../model/languages.js';
import en from './locales/en/desktop.json';
import de from './locales/de/desktop.json';

/** The same keys as `T`, every leaf a string: what a translation of the English catalog must be. */
export type CatalogOf<T> = { readonly [K in keyof T]: T[K] extends string ? string : CatalogOf<T[K]> };

// German must have exactly the English keys: a missing or extra key fails tsc here.
const GERMAN: CatalogOf<typeof en> = de;
const EXTRA_GERMAN_CHECK: CatalogOf<typeof de> = en;
void EXTRA_GERMAN_CHECK;

type PluralFree<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? PluralFree<K> : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** Every key of the desktop catalog, dotted ("tray.menu.quit"); plural keys without their suffix. */
export type DesktopKey = Paths<typeof en>;

/** Interpolated values; `count` picks the plural form. */
export type DesktopParams = Readonly<Record<string, string | number>>;

/** Job titles by code, as the renderer's `core` catalog has them (`jobTitle.*`), per language. */
export type JobTitleCatalogs = Readonly<Record<ShippedLanguage, Readonly<Record<string, string>>>>;

/** Words in one language, read at the moment something is shown. */
export interface DesktopWords {
  readonly language: ShippedLanguage;
  t(key: DesktopKey, params?: DesktopParams): string;
  /** A job's title: from its code when it has one and a catalog is known, else its English title. */
  jobTitle(job: { readonly title: string; readonly titleWords?: JobTitleWords }): string;
}

/** The desktop words, whose language follows the settings. */
export interface DesktopLanguage {
  words(): DesktopWords;
  /** Switch language; true when it changed (the caller then re-words the tray and the menu). */
  apply(setting: LanguageSetting, systemLocales: readonly string[]): boolean;
}

function createI18n(language: ShippedLanguage, jobTitles?: JobTitleCatalogs): i18n {
  const instance = createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    // Synchronous: the resources are bundled, so words are ready before the first tray update.
    initAsync: false,
    defaultNS: 'desktop',
    ns: ['desktop', 'jobTitle'],
    resources: {
      en: { desktop: en, jobTitle: jobTitles?.en ?? {} },
      de: { desktop: GERMAN, jobTitle: jobTitles?.de ?? {} },
    },
    // The OS shows plain text; nothing here becomes HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

// i18next's own TFunction is typed against the renderer's global catalogs; these keys are checked
// by DesktopKey instead, so the call goes through a plain signature.
type PlainT = (key: string, options?: Readonly<Record<string, unknown>>) => string;

function wordsOf(instance: i18n, language: ShippedLanguage, jobTitles?: JobTitleCatalogs): DesktopWords {
  const t = instance.getFixedT(language) as unknown as PlainT;
  return {
    language,
    t: (key, params) => t(key, params),
    jobTitle(job) {
      const words = job.titleWords;
      if (words === undefined) return job.title;
      if (jobTitles === undefined || jobTitles[language][words.code] === undefined)
        return language === 'en' ? englishJobTitle(words) : job.title;
      return t(`jobTitle:${words.code}`, words.params);
    },
  };
}

/** Words in `language` (English by default: what tests and the English-only callers use). */
export function desktopWords(language: ShippedLanguage = 'en', jobTitles?: JobTitleCatalogs): DesktopWords {
  return wordsOf(createI18n(language, jobTitles), language, jobTitles);
}

/** English words, shared: the default of every wording function. */
export const ENGLISH_WORDS: DesktopWords = desktopWords('en');

/** Words whose language follows Settings → Language and the system's preferred languages. */
export function createDesktopLanguage(
  setting: LanguageSetting,
  systemLocales: readonly string[],
  jobTitles?: JobTitleCatalogs,
): DesktopLanguage {
  let language = chooseLocale(setting, systemLocales).language as ShippedLanguage;
  const instance = createI18n(language, jobTitles);
  let current = wordsOf(instance, language, jobTitles);
  return {
    words: () => current,
    apply(nextSetting, nextLocales) {
      // chooseLocale answers 'pseudo' only for an override, which the desktop host never passes.
      const next = chooseLocale(nextSetting, nextLocales).language as ShippedLanguage;
      if (next === language) return false;
      language = next;
      current = wordsOf(instance, language, jobTitles);
      return true;
    },
  };
}
