/**
 * Which borg opens a location's scheme. Paths, file:// and ssh:// work with every borg; sftp://
 * and rclone: are borg 2's borgstore backends, and only when its Python has paramiko (sftp) or the
 * rclone program is installed — `app:status` borg.features.extraLocationSchemes says which. Pure, so
 * the renderer's form and the core refuse the same locations with the same words.
 */
import { parseLocation } from './location-syntax.js';
import { locationWordsEnglish, type LocationWords } from './location-problem-words.js';
import type { LocationProblem } from './location-syntax.js';

/** The borgstore scheme a location needs beside paths and ssh://, or undefined when it needs none. */
export function extraSchemeOf(location: string): 'sftp' | 'rclone' | undefined {
  const parsed = parseLocation(location.trim());
  if (!parsed.ok) return undefined;
  const scheme = parsed.location.scheme;
  return scheme === 'sftp' || scheme === 'rclone' ? scheme : undefined;
}

/** Why the borg in use cannot open `location`, or undefined when it can (or the location needs nothing extra). */
export function unsupportedSchemeProblem(
  location: string,
  extraSchemes: readonly string[],
): LocationProblem | undefined {
  const scheme = extraSchemeOf(location);
  if (scheme === undefined || extraSchemes.includes(scheme)) return undefined;
  const words: LocationWords =
    scheme === 'sftp'
      ? { message: 'sftpUnsupported', remedy: 'installParamiko' }
      : { message: 'rcloneUnsupported', remedy: 'installRclone' };
  return { part: 'scheme', ...locationWordsEnglish(words), words };
}
