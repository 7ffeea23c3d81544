import { describe, expect, it } from 'vitest';
import { borgKeysFolder } from './keys-folder.js';

describe('borgKeysFolder', () => {
  it('follows borg 1.2’s order: keys dir, config dir, base dir, XDG, home', () => {
    expect(borgKeysFolder({ BORG_KEYS_DIR: '/k', BORG_CONFIG_DIR: '/c' }, '/h')).toBe('/k');
    expect(borgKeysFolder({ BORG_CONFIG_DIR: '/c', BORG_BASE_DIR: '/b' }, '/h')).toBe('/c/keys');
    // BORG_BASE_DIR wins over XDG_CONFIG_HOME (borg ignores XDG when the base is set).
    expect(borgKeysFolder({ BORG_BASE_DIR: '/b', XDG_CONFIG_HOME: '/x' }, '/h')).toBe('/b/.config/borg/keys');
    expect(borgKeysFolder({ XDG_CONFIG_HOME: '/x', HOME: '/u' }, '/h')).toBe('/x/borg/keys');
    expect(borgKeysFolder({ HOME: '/u' }, '/h')).toBe('/u/.config/borg/keys');
    expect(borgKeysFolder({}, '/h')).toBe('/h/.config/borg/keys');
  });
});
