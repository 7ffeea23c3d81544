/**
 * The one formatting locale of the UI (numbers, sizes, dates, relative times). Set by the i18n setup
 * from the user's choice; the formatters in lib/format.ts read it, so every figure on screen agrees.
 */
let formatLocale = 'en';

export function currentFormatLocale(): string {
  return formatLocale;
}

export function setFormatLocale(locale: string): void {
  formatLocale = locale;
}
