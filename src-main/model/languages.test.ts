import { describe, expect, it } from 'vitest';
import { chooseLocale } from './languages.js';

describe('chooseLocale', () => {
  it('follows the system: the first preferred locale with a catalog, formatting with the first locale', () => {
    expect(chooseLocale('system', ['de-AT', 'en-US'])).toEqual({ language: 'de', formatLocale: 'de-AT' });
    expect(chooseLocale('system', ['fr-FR', 'de-DE'])).toEqual({ language: 'de', formatLocale: 'fr-FR' });
    expect(chooseLocale('system', ['pt-BR'])).toEqual({ language: 'en', formatLocale: 'pt-BR' });
    expect(chooseLocale('system', [])).toEqual({ language: 'en', formatLocale: 'en' });
  });

  it('takes the setting over the system', () => {
    expect(chooseLocale('de', ['en-GB'])).toEqual({ language: 'de', formatLocale: 'de' });
    expect(chooseLocale('en', ['de-DE'])).toEqual({ language: 'en', formatLocale: 'en' });
  });

  it("lets the page's ?locale= win, including the pseudo-locale", () => {
    expect(chooseLocale('en', ['en-US'], 'de-CH')).toEqual({ language: 'de', formatLocale: 'de-CH' });
    expect(chooseLocale('de', ['de-DE'], 'pseudo')).toEqual({ language: 'pseudo', formatLocale: 'en' });
    // An override we have no catalog for is ignored rather than half-applied.
    expect(chooseLocale('de', ['en-US'], 'xx')).toEqual({ language: 'de', formatLocale: 'de' });
  });

  it('ignores a malformed system locale for formatting', () => {
    expect(chooseLocale('system', ['de_DE!'])).toEqual({ language: 'de', formatLocale: 'de' });
  });
});
