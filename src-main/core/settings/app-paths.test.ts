import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from './app-paths.js';

describe('resolveAppPaths', () => {
  it('uses XDG dirs on Linux when set', () => {
    const p = resolveAppPaths(
      'linux',
      { XDG_CONFIG_HOME: '/xdg/conf', XDG_CACHE_HOME: '/xdg/cache' },
      '/home/ann',
    );
    expect(p).toEqual({
      configDir: '/xdg/conf/borgdesk',
      cacheDir: '/xdg/cache/borgdesk',
      homeDir: '/home/ann',
    });
  });

  it('falls back to ~/.config and ~/.cache on Linux, ignoring empty or relative XDG values', () => {
    expect(resolveAppPaths('linux', {}, '/home/ann').configDir).toBe('/home/ann/.config/borgdesk');
    const p = resolveAppPaths('linux', { XDG_CONFIG_HOME: '', XDG_CACHE_HOME: 'rel/cache' }, '/home/ann');
    expect(p.configDir).toBe('/home/ann/.config/borgdesk');
    expect(p.cacheDir).toBe('/home/ann/.cache/borgdesk');
  });

  it('uses Application Support and Caches on macOS', () => {
    const p = resolveAppPaths('darwin', { XDG_CONFIG_HOME: '/ignored' }, '/Users/ann');
    expect(p.configDir).toBe('/Users/ann/Library/Application Support/Borgdesk');
    expect(p.cacheDir).toBe('/Users/ann/Library/Caches/Borgdesk');
  });

  it('uses APPDATA and LOCALAPPDATA on Windows', () => {
    const env = {
      APPDATA: 'C:\\Users\\ann\\AppData\\Roaming',
      LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local',
    };
    const p = resolveAppPaths('win32', env, 'C:\\Users\\ann');
    expect(p.configDir).toBe('C:\\Users\\ann\\AppData\\Roaming\\Borgdesk');
    expect(p.cacheDir).toBe('C:\\Users\\ann\\AppData\\Local\\Borgdesk\\Cache');
  });

  it('derives Windows dirs from the home dir when APPDATA is missing', () => {
    const p = resolveAppPaths('win32', {}, 'C:\\Users\\ann');
    expect(p.configDir).toBe('C:\\Users\\ann\\AppData\\Roaming\\Borgdesk');
  });

  it('honours BORGDESK_CONFIG_DIR on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const p = resolveAppPaths(platform, { BORGDESK_CONFIG_DIR: '/tmp/bd-test' }, '/home/ann');
      expect(p.configDir).toBe('/tmp/bd-test');
    }
  });
});
