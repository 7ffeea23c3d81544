import { describe, expect, it } from 'vitest';
import { createDesktopLanguage, desktopWords, ENGLISH_WORDS } from './desktop-words.js';
import en from './locales/en/desktop.json';
import de from './locales/de/desktop.json';

type Tree = { readonly [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
const at = (tree: Tree, dotted: string): string =>
  dotted
    .split('.')
    .reduce<string | Tree>((node, key) => (node as Tree)[key] as string | Tree, tree) as string;

describe('desktop words', () => {
  it('has German for every English key, with the same placeholders', () => {
    expect(leaves(de).sort()).toEqual(leaves(en).sort());
    for (const key of leaves(en)) expect(placeholders(at(de, key)), key).toEqual(placeholders(at(en, key)));
  });

  it('words plurals and placeholders in both languages, without HTML escaping', () => {
    expect(ENGLISH_WORDS.t('age.hours', { count: 1 })).toBe('1 hour');
    expect(ENGLISH_WORDS.t('age.days', { count: 4 })).toBe('4 days');
    const german = desktopWords('de');
    expect(german.t('age.hours', { count: 26 })).toBe('26 Stunden');
    expect(german.t('tray.menu.quit')).toBe('Borgdesk beenden');
    expect(ENGLISH_WORDS.t('notice.finished.body', { label: 'Mail & <Docs>' })).toBe(
      'Mail & <Docs> is backed up.',
    );
  });

  it('words job titles from their code with the catalogs it is given, else keeps the English title', () => {
    const job = { title: 'Back up to USB', titleWords: { code: 'backup', params: { repo: 'USB' } } } as const;
    const catalogs = { en: { backup: 'Back up to {{repo}}' }, de: { backup: 'In {{repo}} sichern' } };
    expect(desktopWords('de', catalogs).jobTitle(job)).toBe('In USB sichern');
    expect(desktopWords('de').jobTitle(job)).toBe('Back up to USB');
    expect(ENGLISH_WORDS.jobTitle({ title: 'Old entry' })).toBe('Old entry');
  });

  it('follows the setting, or the system languages for "system", and says when it changed', () => {
    const language = createDesktopLanguage('system', ['de-AT', 'en-US']);
    expect(language.words().language).toBe('de');
    expect(language.apply('system', ['de-DE'])).toBe(false);
    expect(language.apply('en', ['de-DE'])).toBe(true);
    expect(language.words().t('tray.menu.backUpNow')).toBe('Back up now');
    expect(createDesktopLanguage('system', ['fr-FR']).words().language).toBe('en');
  });
});
