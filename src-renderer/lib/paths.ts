/**
 * Path helpers for display and for proposing locations. The renderer has no `node:path`, and paths
 * come from whichever OS the core runs on, so both separators are understood.
 */
import { locationForm } from '../../src-main/model/location-syntax.js';

/** True for locations borg reaches over SSH or sftp rather than the local file system (they take an SSH key). */
export function isRemoteLocation(location: string): boolean {
  const form = locationForm(location.trim());
  return form === 'ssh-url' || form === 'sftp-url' || form === 'scp';
}

function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

/** The last segment of a path ("/home/ann/Backups/" → "Backups"). */
export function baseName(path: string): string {
  const parts = path.split(/[/\\]+/).filter((part) => part.length > 0);
  return parts[parts.length - 1] ?? path;
}

/** Joins a folder and a child name with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const sep = separatorOf(folder);
  return folder.endsWith('/') || folder.endsWith('\\') ? `${folder}${name}` : `${folder}${sep}${name}`;
}

/** One clickable step of a breadcrumb. */
export interface Crumb {
  readonly label: string;
  readonly path: string;
}

/** Splits an absolute path into breadcrumb steps, root first ("/", "home", "ann"). */
export function toCrumbs(path: string): Crumb[] {
  const sep = separatorOf(path);
  const drive = /^[A-Za-z]:/.exec(path)?.[0];
  const root = drive ? `${drive}\\` : '/';
  const rest = path.slice(drive ? drive.length : 0);
  const crumbs: Crumb[] = [{ label: drive ?? '/', path: root }];
  let current = root;
  for (const part of rest.split(/[/\\]+/).filter((p) => p.length > 0)) {
    current =
      current.endsWith(sep) || current.endsWith('/') ? `${current}${part}` : `${current}${sep}${part}`;
    crumbs.push({ label: part, path: current });
  }
  return crumbs;
}

/** Replaces the home folder prefix with "~" for compact display. */
export function tildify(path: string, homeDir: string | undefined): string {
  if (!homeDir || homeDir === '/' || !path.startsWith(homeDir)) return path;
  const rest = path.slice(homeDir.length);
  if (rest === '') return '~';
  return rest.startsWith('/') || rest.startsWith('\\') ? `~${rest}` : path;
}

/**
 * Exclusions proposed for a home-folder backup: caches and the trash hold nothing worth keeping
 * and change constantly. Borg's default pattern style (fnmatch) matches these as path prefixes.
 */
export function defaultExcludePatterns(homeDir: string, platform: string): string[] {
  const home = (sub: string): string => joinPath(homeDir, sub);
  if (platform === 'darwin') return [home('Library/Caches'), home('.Trash'), home('.cache')];
  if (platform === 'win32') return [home('AppData\\Local\\Temp')];
  return [home('.cache'), home('.local/share/Trash'), home('.thumbnails')];
}
