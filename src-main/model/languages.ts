/**
 * Which language and which formatting locale the UI uses. Pure: the caller passes the setting and the
 * system's preferred locales (navigator.languages), so this is tested without a browser.
 */

/** The languages Borgdesk ships catalogs for. */
export const SHIPPED_LANGUAGES = ['en', 'de'] as const;
export type ShippedLanguage = (typeof SHIPPED_LANGUAGES)[number];

/**
 * The pseudo-locale: English catalogs with every string wrapped in ⟦ ⟧, so a test can see any visible
 * text that did not come from a catalog. Reached only through the page's `?locale=pseudo`.
 */
export const PSEUDO_LANGUAGE = 'pseudo';
export type UiLanguage = ShippedLanguage | typeof PSEUDO_LANGUAGE;

/** What the user picked in Settings: follow the system, or one shipped language. */
export type LanguageSetting = 'system' | ShippedLanguage;

export interface LocaleChoice {
  /** The catalog language strings come from. */
  readonly language: UiLanguage;
  /** The BCP 47 locale numbers, sizes, dates and relative times are formatted with. */
  readonly formatLocale: string;
}

function shipped(tag: string): ShippedLanguage | undefined {
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return SHIPPED_LANGUAGES.find((language) => language === base);
}

/**
 * Picks the language and formatting locale. An override (`?locale=` on the page, for tests and
 * screenshots) wins over the setting; "system" takes the first preferred locale we ship a catalog for
 * and formats with the system's first locale, so a German system shows German with German dates.
 */
export function chooseLocale(
  setting: LanguageSetting,
  systemLocales: readonly string[],
  override?: string,
): LocaleChoice {
  if (override === PSEUDO_LANGUAGE) return { language: PSEUDO_LANGUAGE, formatLocale: 'en' };
  const forced = override ? shipped(override) : undefined;
  if (forced) return { language: forced, formatLocale: override ?? forced };
  if (setting !== 'system') return { language: setting, formatLocale: setting };
  const system = systemLocales.filter((tag) => tag.length > 0);
  const language = system.map(shipped).find((found) => found !== undefined) ?? 'en';
  const first = system[0];
  return { language, formatLocale: first && isValidLocale(first) ? first : language };
}

function isValidLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
