/**
 * Where Borgdesk keeps its settings and cache on each platform. Pure: the host passes the platform,
 * environment and home directory, so every branch can be tested on any machine.
 */
import path from 'node:path';
import type { AppPaths } from '../services.js';

type Env = Readonly<Record<string, string | undefined>>;

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value : undefined;

/** Resolve the config and cache directories for `platform`; `BORGDESK_CONFIG_DIR` overrides the config dir. */
export function resolveAppPaths(platform: NodeJS.Platform, env: Env, homeDir: string): AppPaths {
  // Windows paths must be joined with win32 rules even when tests run on Linux, and vice versa.
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  let configDir: string;
  let cacheDir: string;
  if (platform === 'darwin') {
    configDir = join(homeDir, 'Library', 'Application Support', 'Borgdesk');
    cacheDir = join(homeDir, 'Library', 'Caches', 'Borgdesk');
  } else if (platform === 'win32') {
    const roaming = nonEmpty(env['APPDATA']) ?? join(homeDir, 'AppData', 'Roaming');
    const local = nonEmpty(env['LOCALAPPDATA']) ?? join(homeDir, 'AppData', 'Local');
    configDir = join(roaming, 'Borgdesk');
    cacheDir = join(local, 'Borgdesk', 'Cache');
  } else {
    // XDG Base Directory spec: relative values are invalid and must be ignored.
    const xdgConfig = nonEmpty(env['XDG_CONFIG_HOME']);
    const xdgCache = nonEmpty(env['XDG_CACHE_HOME']);
    const configBase =
      xdgConfig !== undefined && path.posix.isAbsolute(xdgConfig) ? xdgConfig : join(homeDir, '.config');
    const cacheBase =
      xdgCache !== undefined && path.posix.isAbsolute(xdgCache) ? xdgCache : join(homeDir, '.cache');
    configDir = join(configBase, 'borgdesk');
    cacheDir = join(cacheBase, 'borgdesk');
  }
  const override = nonEmpty(env['BORGDESK_CONFIG_DIR']);
  return { configDir: override ?? configDir, cacheDir, homeDir };
}
