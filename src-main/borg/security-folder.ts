/**
 * Borg's security folder: per repository id, the location borg last saw it at (`<id>/location`),
 * which is how borg notices a moved repository ("previously located at …"). Where it is, as borg
 * 1.2/1.4 decide it (borg/helpers/fs.py get_security_dir): BORG_SECURITY_DIR, else
 * BORG_CONFIG_DIR/security, else BORG_BASE_DIR/.config/borg/security, else
 * $XDG_CONFIG_HOME/borg/security, else ~/.config/borg/security.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The security folder borg would use with this environment. */
export function borgSecurityFolder(
  env: Readonly<Record<string, string | undefined>>,
  homeDir: string,
): string {
  if (env['BORG_SECURITY_DIR']) return env['BORG_SECURITY_DIR'];
  if (env['BORG_CONFIG_DIR']) return path.join(env['BORG_CONFIG_DIR'], 'security');
  const base = env['BORG_BASE_DIR'] || env['HOME'] || homeDir;
  const configHome = env['BORG_BASE_DIR']
    ? path.join(base, '.config')
    : env['XDG_CONFIG_HOME'] || path.join(base, '.config');
  return path.join(configHome, 'borg', 'security');
}

/** The repository id borg last saw at `location` (its own record), or undefined when it has none. */
export async function knownRepositoryIdAt(folder: string, location: string): Promise<string | undefined> {
  const ids = await fs.readdir(folder).catch(() => [] as string[]);
  for (const id of ids) {
    if (!/^[0-9a-f]{64}$/.test(id)) continue;
    const seen = await fs.readFile(path.join(folder, id, 'location'), 'utf8').catch(() => undefined);
    if (seen !== undefined && seen.trim() === location) return id;
  }
  return undefined;
}
