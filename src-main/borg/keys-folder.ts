/**
 * Where borg keeps keyfile-mode keys on this computer, as borg 1.2/1.4 decide it
 * (borg/helpers/fs.py get_keys_dir / get_config_dir / get_base_dir): BORG_KEYS_DIR, else
 * BORG_CONFIG_DIR/keys, else BORG_BASE_DIR/.config/borg/keys, else $XDG_CONFIG_HOME/borg/keys, else
 * ~/.config/borg/keys.
 */
import path from 'node:path';

/** The keys folder borg would use with this environment. */
export function borgKeysFolder(env: Readonly<Record<string, string | undefined>>, homeDir: string): string {
  if (env['BORG_KEYS_DIR']) return env['BORG_KEYS_DIR'];
  if (env['BORG_CONFIG_DIR']) return path.join(env['BORG_CONFIG_DIR'], 'keys');
  const base = env['BORG_BASE_DIR'] || env['HOME'] || homeDir;
  const configHome = env['BORG_BASE_DIR']
    ? path.join(base, '.config')
    : env['XDG_CONFIG_HOME'] || path.join(base, '.config');
  return path.join(configHome, 'borg', 'keys');
}
