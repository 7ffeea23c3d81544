import { describe, expect, it } from 'vitest';
import { pythonRegexToJs, RegexTranslationError } from './python-regex.js';

const t = (pattern: string): RegExp => pythonRegexToJs(pattern);

describe('pythonRegexToJs', () => {
  it('turns leading global flags into JS flags, including verbose mode', () => {
    expect(t('(?i)\\.jpe?g$').test('a/B.JPG')).toBe(true);
    expect(t('(?i)(?s)^a.b$').test('A\nB')).toBe(true);
    expect(t('(?x) ^home / [^/ ]+  # a user\n /junk$').test('home/u/junk')).toBe(true);
    expect(t('(?x) ^home / [^/ ]+  # a user\n /junk$').test('home/u v/junk')).toBe(false);
  });

  it('translates named groups, backreferences, \\A, \\Z and {,n}', () => {
    expect(t('^(?P<d>[a-z]+)/(?P=d)$').test('x/x')).toBe(true);
    expect(t('^(?P<d>[a-z]+)/(?P=d)$').test('x/y')).toBe(false);
    expect(t('\\Aetc\\Z').test('etc')).toBe(true);
    expect(t('\\Aetc\\Z').test('x/etc')).toBe(false);
    expect(t('^a{,2}$').test('aaa')).toBe(false);
    expect(t('^a{,2}$').test('')).toBe(true);
    expect(t('^x(?#comment)y$').test('xy')).toBe(true);
  });

  it('keeps Python set rules: a leading ] is literal', () => {
    expect(t('^[]a]$').test(']')).toBe(true);
    expect(t('^[^]a]$').test('b')).toBe(true);
    expect(t('^[^]a]$').test(']')).toBe(false);
  });

  it('handles escapes: \\a, \\x, \\U, identity escapes of punctuation', () => {
    expect(t('\\x41\\u00e9').test('Aé')).toBe(true);
    expect(t('\\U0001F600').test('😀')).toBe(true);
    expect(t('a\\-b\\#c').test('a-b#c')).toBe(true);
  });

  it('refuses what Python refuses or JS cannot do, with a plain message', () => {
    const cases: [string, RegExp][] = [
      ['(?<name>x)', /\(\?P<name>/],
      ['a(?i)b', /very start/],
      ['(?i:a)', /Scoped flags/],
      ['(?>a)', /Atomic/],
      ['(a)?(?(1)b|c)', /Conditional/],
      ['a++', /Possessive/],
      ['\\q', /Unknown escape/],
      ['[abc', /not closed/],
      ['(?L)a', /flag "L"/],
      ['abc\\', /lone backslash/],
      ['(unclosed', /Not a valid regular expression/],
      ['\\xZZ', /hex digits/],
    ];
    for (const [pattern, message] of cases) {
      expect(() => t(pattern), pattern).toThrow(RegexTranslationError);
      expect(() => t(pattern), pattern).toThrow(message);
    }
  });
});
