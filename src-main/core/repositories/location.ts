/**
 * Repository locations as borg accepts them: a local path, or a remote URL such as
 * `ssh://user@host:port/path` (kept exactly as typed; borg parses it). Every location is checked
 * by the one parser in location-syntax.ts before borg, ssh or a name lookup sees it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../app-error.js';
import { locationForm, parseLocation, type ParsedLocation } from '../../model/location-syntax.js';

/** True when `location` names a remote (or URL-form) repository rather than a local path. */
export function isRemoteLocation(location: string): boolean {
  return locationForm(location) !== 'path';
}

/**
 * The host a remote location connects to (`ssh://user@host:22/path`, `user@host:path`, IPv6
 * without its brackets), or undefined for a local path, a `file://` URL, or a location the parser
 * refuses — so a hostile host never reaches a name lookup.
 */
export function remoteHostOf(location: string): string | undefined {
  const parsed = parseLocation(location.trim());
  return parsed.ok ? parsed.location.host : undefined;
}

/** The parts of `location`, or an InvalidInput AppError saying which part is wrong and how to fix it. */
export function requireValidLocation(location: string): ParsedLocation {
  const parsed = parseLocation(location);
  if (!parsed.ok) {
    // The UI words the problem from its codes (problem, fix) as the Location field does.
    const { message, remedy, words } = parsed.problem;
    throw new AppError('InvalidInput', message, remedy, {
      reason: 'locationProblem',
      params: { ...words.params, problem: words.message, fix: words.remedy },
    });
  }
  return parsed.location;
}

/**
 * Check a typed location, then trim its spaces, expand `~`, make a local path absolute (relative
 * to home) and drop trailing slashes; remote locations stay exactly as typed.
 */
export function normalizeLocation(location: string, homeDir: string): string {
  // Only spaces are trimmed: a tab or line break at either end is refused like one in the middle.
  const trimmed = location.replace(/^ +| +$/g, '');
  const parsed = requireValidLocation(trimmed);
  if (parsed.form !== 'path') return trimmed;
  let local = trimmed;
  if (local === '~') local = homeDir;
  else if (local.startsWith('~/')) local = path.join(homeDir, local.slice(2));
  // path.resolve already strips trailing separators except for the root itself.
  return path.resolve(homeDir, local);
}

/** True when a repository location is a local path that does not exist now (e.g. an unplugged drive). */
export function isLocalAndAbsent(location: string): boolean {
  return location.startsWith('/') && !existsSync(location);
}
