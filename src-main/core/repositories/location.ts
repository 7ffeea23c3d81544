/**
 * Repository locations as borg accepts them: a local path, or a remote URL such as
 * `ssh://user@host:port/path` (kept exactly as typed; borg parses it).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error.js';

// `scheme://...` (ssh, file) or scp style `user@host:path`; a Windows drive letter is not a host.
const URL_LOCATION = /^[a-z][a-z0-9+.-]*:\/\//i;
const SCP_LOCATION = /^[^/\\:]{2,}:/;

/** True when `location` names a remote (or URL-form) repository rather than a local path. */
export function isRemoteLocation(location: string): boolean {
  return URL_LOCATION.test(location) || SCP_LOCATION.test(location);
}

/**
 * The host a remote location connects to (`ssh://user@host:22/path`, `user@host:path`, IPv6 in
 * brackets), or undefined for a local path or a `file://` URL.
 */
export function remoteHostOf(location: string): string | undefined {
  const trimmed = location.trim();
  const url = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)/i.exec(trimmed);
  let authority: string;
  if (url !== null) {
    if (url[1]?.toLowerCase() === 'file') return undefined;
    authority = url[2] ?? '';
  } else if (SCP_LOCATION.test(trimmed)) {
    authority = trimmed.slice(0, trimmed.indexOf(':'));
  } else {
    return undefined;
  }
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const host = hostAndPort.startsWith('[')
    ? hostAndPort.slice(1, Math.max(1, hostAndPort.indexOf(']')))
    : (hostAndPort.split(':')[0] ?? '');
  return host === '' ? undefined : host;
}

/** Trim, expand `~`, make a local path absolute (relative to home) and drop trailing slashes. */
export function normalizeLocation(location: string, homeDir: string): string {
  const trimmed = location.trim();
  if (trimmed === '')
    throw new AppError(
      'InvalidInput',
      'Enter where the repository is.',
      'Type a folder path or an ssh:// address.',
    );
  if (isRemoteLocation(trimmed)) return trimmed;
  let local = trimmed;
  if (local === '~') local = homeDir;
  else if (local.startsWith('~/')) local = path.join(homeDir, local.slice(2));
  const absolute = path.resolve(homeDir, local);
  // path.resolve already strips trailing separators except for the root itself.
  return absolute;
}

/** True when a repository location is a local path that does not exist now (e.g. an unplugged drive). */
export function isLocalAndAbsent(location: string): boolean {
  return location.startsWith('/') && !existsSync(location);
}
