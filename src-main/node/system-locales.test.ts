import { describe, expect, it } from 'vitest';
import { nodeSystemLocales } from './system-locales.js';

describe('nodeSystemLocales', () => {
  it('reads LANGUAGE first, then LC_ALL, LC_MESSAGES and LANG, as BCP 47 tags', () => {
    const locales = nodeSystemLocales({ LANGUAGE: 'de_AT:fr', LANG: 'en_GB.UTF-8' });
    expect(locales.slice(0, 3)).toEqual(['de-AT', 'fr', 'en-GB']);
  });

  it('skips C and POSIX, which name no language', () => {
    expect(nodeSystemLocales({ LANG: 'C.UTF-8', LC_ALL: 'POSIX' })).not.toContain('C');
  });
});
