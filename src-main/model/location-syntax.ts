/**
 * The one parser for repository locations, in the forms borg 1.x accepts (borg docs, "Repository
 * URLs"): `ssh://[user@]host[:port]/path` (IPv6 in brackets), scp style `[user@]host:path`,
 * `file:///path` and local paths; and borg 2's borgstore locations `sftp://[user@]host[:port]/path`
 * and `rclone:remote:path` (whether the borg in use opens them: location-schemes.ts). Borg turns the user and host into ssh's arguments
 * (`ssh [-p port] user@host borg serve`), so a host like `-oProxyCommand=…` would reach ssh as an
 * option and run a command: such parts are refused here, before anything runs. Pure (no Node
 * modules), so the renderer's forms show the same message next to the field.
 */

import {
  locationWordsEnglish,
  type CharacterName,
  type LocationMessageCode,
  type LocationRemedyCode,
  type LocationWords,
} from './location-problem-words.js';

/** Which part of a location a problem is about. */
export type LocationPart = 'location' | 'scheme' | 'user' | 'host' | 'port' | 'path';

/**
 * Why a location is refused: a plain message naming the part, and what to do instead, in English
 * (the core's errors and logs); `words` are their codes, which the renderer words.
 */
export interface LocationProblem {
  readonly part: LocationPart;
  readonly message: string;
  readonly remedy: string;
  readonly words: LocationWords;
}

/** How the location was written. */
export type LocationForm = 'ssh-url' | 'sftp-url' | 'rclone' | 'scp' | 'file-url' | 'path';

/** A location split into its parts; `host` is without IPv6 brackets. */
export interface ParsedLocation {
  readonly form: LocationForm;
  readonly scheme: 'ssh' | 'sftp' | 'rclone' | 'file';
  readonly user?: string;
  readonly host?: string;
  readonly port?: number;
  readonly path: string;
}

/** The parser's answer: the parts, or the first problem found. */
export type LocationParse =
  | { readonly ok: true; readonly location: ParsedLocation }
  | { readonly ok: false; readonly problem: LocationProblem };

/** Longer than any path a file system takes (PATH_MAX is 4096 on Linux). */
const MAX_LENGTH = 4096;
const MAX_HOST_LENGTH = 253;
// Control characters (C0, DEL, C1), invisible format characters (zero-width, bidi overrides, BOM)
// and line/paragraph separators: never part of a real location, and they hide what is there.
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const URL_PREFIX = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
// Letters, digits, dots, hyphens and underscores (ssh aliases use them); not starting with "-" or ".".
const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const IPV6_IN_BRACKETS = /^\[[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]$/;
// POSIX portable user names, plus a trailing "$" (Samba machine accounts).
const USER_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*\$?$/;
const PORT = /^\d{1,5}$/;

/** Parses a location exactly as given (the caller trims); never throws. */
export function parseLocation(text: string): LocationParse {
  const whole = checkWhole(text);
  if (whole !== undefined) return refuse(whole);
  const url = URL_PREFIX.exec(text);
  if (url !== null) return parseUrl(url[1] ?? '', text.slice(url[0].length));
  if (/^rclone:/i.test(text)) return parseRclone(text);
  const scp = splitScp(text);
  if (scp !== undefined) return parseRemote('scp', scp.authority, scp.path);
  return parseLocalPath(text);
}

/** The problem with a location, or undefined when it is usable. */
export function locationProblem(text: string): LocationProblem | undefined {
  const parsed = parseLocation(text);
  return parsed.ok ? undefined : parsed.problem;
}

/**
 * How `text` is written, without judging its parts: a URL, scp style `host:path`, or a local path
 * (a single letter before ":" is a Windows drive, and a "/" or "\" before the first ":" makes a path).
 */
export function locationForm(text: string): LocationForm | 'other-url' {
  const url = URL_PREFIX.exec(text);
  if (url !== null) {
    const scheme = url[1]?.toLowerCase();
    if (scheme === 'sftp') return 'sftp-url';
    return scheme === 'ssh' ? 'ssh-url' : scheme === 'file' ? 'file-url' : 'other-url';
  }
  if (/^rclone:/i.test(text)) return 'rclone';
  return splitScp(text) === undefined ? 'path' : 'scp';
}

function checkWhole(text: string): LocationProblem | undefined {
  if (text === '') return problem('location', 'empty', 'typeFolderOrSsh');
  const control = CONTROL.exec(text);
  if (control !== null) {
    const char = control[0];
    const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    const characterName = CHARACTER_NAMES[char];
    return characterName === undefined
      ? problem('location', 'invisibleCharacter', 'retype', { code })
      : problem('location', 'invisibleNamedCharacter', 'retype', { code, characterName });
  }
  if (text.length > MAX_LENGTH) return problem('location', 'tooLong', 'shorterPath');
  return undefined;
}

function parseUrl(scheme: string, rest: string): LocationParse {
  if (scheme === 'ssh' || scheme === 'sftp') {
    const slash = rest.indexOf('/');
    const authority = slash === -1 ? rest : rest.slice(0, slash);
    return parseRemote(`${scheme}-url`, authority, slash === -1 ? '' : rest.slice(slash));
  }
  if (scheme === 'file') return parseFileUrl(rest);
  const lower = scheme.toLowerCase();
  if (lower === 'ssh' || lower === 'sftp' || lower === 'file') {
    return refuse(problem('scheme', 'schemeCase', 'lowerCaseOnly', { scheme: lower }));
  }
  return refuse(
    problem('scheme', 'schemeUnknown', 'supportedSchemes', { scheme: shortened(`${scheme}://`) }),
  );
}

// borgstore runs `rclone rcd` with the remote as one argv word, so only the name before ":" is judged.
function parseRclone(text: string): LocationParse {
  if (!text.startsWith('rclone:')) return refuse(problem('scheme', 'rcloneCase', 'lowerCaseOnly'));
  const rest = text.slice('rclone:'.length);
  const colon = rest.indexOf(':');
  const remote = colon === -1 ? '' : rest.slice(0, colon);
  if (remote === '' || !HOST_NAME.test(remote)) {
    return refuse(problem('host', 'rcloneRemote', 'rcloneRemoteName'));
  }
  const bad = checkPath(rest.slice(colon + 1));
  return bad !== undefined
    ? refuse(bad)
    : accept({ form: 'rclone', scheme: 'rclone', path: rest.slice(colon + 1) });
}

function parseFileUrl(rest: string): LocationParse {
  // Borg reads "file://name/path" as the relative path "name/path"; only the absolute form is clear.
  if (!rest.startsWith('/') || rest.length < 2) {
    return refuse(problem('path', 'fileUrlRelative', 'typeFolderItself'));
  }
  const bad = checkPath(rest);
  return bad !== undefined ? refuse(bad) : accept({ form: 'file-url', scheme: 'file', path: rest });
}

type RemoteForm = 'ssh-url' | 'sftp-url' | 'scp';

/** `[user@]host[:port]` of an ssh or sftp URL, or `[user@]host` of scp style, with the path after it. */
function parseRemote(form: RemoteForm, authority: string, path: string): LocationParse {
  const at = authority.split('@');
  if (at.length > 2) {
    return refuse(problem('user', 'manyAt', 'oneAt'));
  }
  const user = at.length === 2 ? at[0] : undefined;
  const hostAndPort = at[at.length - 1] ?? '';
  const split = form !== 'scp' ? splitPort(hostAndPort) : { host: hostAndPort, port: undefined };
  if ('problem' in split) return refuse(split.problem);
  const bad =
    (user === undefined ? undefined : checkUser(user)) ??
    checkHost(split.host, form) ??
    (split.port === undefined ? undefined : checkPort(split.port)) ??
    checkRemotePath(path, form);
  if (bad !== undefined) return refuse(bad);
  const host = split.host.startsWith('[') ? split.host.slice(1, -1) : split.host;
  return accept({
    form,
    scheme: form === 'sftp-url' ? 'sftp' : 'ssh',
    ...(user === undefined ? {} : { user }),
    host,
    ...(split.port === undefined ? {} : { port: Number(split.port) }),
    path,
  });
}

function splitPort(
  hostAndPort: string,
): { host: string; port: string | undefined } | { problem: LocationProblem } {
  if (hostAndPort.startsWith('[')) {
    const close = hostAndPort.indexOf(']');
    if (close === -1) {
      return { problem: problem('host', 'ipv6Unclosed', 'ipv6Example') };
    }
    const after = hostAndPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) {
      return { problem: problem('host', 'ipv6Trailing', 'ipv6Example') };
    }
    return { host: hostAndPort.slice(0, close + 1), port: after === '' ? undefined : after.slice(1) };
  }
  const colon = hostAndPort.indexOf(':');
  if (colon === -1) return { host: hostAndPort, port: undefined };
  return { host: hostAndPort.slice(0, colon), port: hostAndPort.slice(colon + 1) };
}

function checkUser(user: string): LocationProblem | undefined {
  if (user === '') return problem('user', 'userEmpty', 'userEmpty');
  const params = { user: shortened(user) };
  if (user.startsWith('-')) return problem('user', 'userDash', 'userCharacters', params);
  if (/\s/.test(user)) return problem('user', 'userSpace', 'userCharacters', params);
  if (!USER_NAME.test(user)) {
    const character = firstOutside(user, /[A-Za-z0-9._-]/, true);
    return problem('user', 'userCharacter', 'userCharacters', { ...params, character: shortened(character) });
  }
  return undefined;
}

function checkHost(host: string, form: RemoteForm): LocationProblem | undefined {
  const remedy = form === 'scp' ? 'scpHost' : 'urlHost';
  if (host === '') return problem('host', 'hostEmpty', remedy);
  const params = { host: shortened(host) };
  if (host.startsWith('-')) return problem('host', 'hostDash', remedy, params);
  if (/\s/.test(host)) return problem('host', 'hostSpace', remedy, params);
  if (host.startsWith('[')) {
    return IPV6_IN_BRACKETS.test(host) ? undefined : problem('host', 'hostNotIpv6', 'ipv6Brackets', params);
  }
  if (host.length > MAX_HOST_LENGTH) return problem('host', 'hostTooLong', remedy);
  if (!HOST_NAME.test(host)) {
    const character = shortened(firstOutside(host, /[A-Za-z0-9._-]/, false));
    const international = form === 'scp' ? 'scpHostInternational' : 'urlHostInternational';
    return problem('host', 'hostCharacter', international, { ...params, character });
  }
  return undefined;
}

function checkPort(port: string): LocationProblem | undefined {
  const value = Number(port);
  if (PORT.test(port) && value >= 1 && value <= 65535) return undefined;
  return port === ''
    ? problem('port', 'portEmpty', 'portDigits')
    : problem('port', 'portInvalid', 'portDigits', { port: shortened(port) });
}

function checkRemotePath(path: string, form: RemoteForm): LocationProblem | undefined {
  const example =
    form === 'scp' ? 'user@host:backups/repo' : `${form.slice(0, -4)}://user@host/./backups/repo`;
  // Borg needs more than "/" after the host in a URL, and something after ":" in scp style.
  if (path === '' || (form !== 'scp' && path === '/'))
    return problem('path', 'pathNone', 'addPath', { example });
  if (form === 'scp' && (path.startsWith(':') || path.startsWith('//'))) {
    return problem('path', 'pathScpStart', 'writeAs', { example });
  }
  return checkPath(path);
}

function checkPath(path: string): LocationProblem | undefined {
  if (path.includes('::')) return problem('path', 'pathDoubleColon', 'noDoubleColon');
  return undefined;
}

function parseLocalPath(text: string): LocationParse {
  if (text.startsWith('-')) {
    return refuse(problem('location', 'dashStart', 'typeFolderOrSshExample'));
  }
  const bad = checkPath(text);
  return bad !== undefined ? refuse(bad) : accept({ form: 'path', scheme: 'file', path: text });
}

/**
 * The `host:path` split of scp style, or undefined for a local path. The authority is what comes
 * before the first ":" outside IPv6 brackets; a "/" or "\" in it, or a single letter, makes a path.
 */
function splitScp(text: string): { authority: string; path: string } | undefined {
  const bracketed = /^([^/\\:[\]]*@)?\[[^\]/\\]*\]:/.exec(text);
  const end = bracketed !== null ? bracketed[0].length - 1 : text.indexOf(':');
  if (end < 2) return undefined;
  const authority = text.slice(0, end);
  if (/[/\\]/.test(authority)) return undefined;
  return { authority, path: text.slice(end + 1) };
}

// The invisible characters a message names; others it gives by code point only.
const CHARACTER_NAMES: Readonly<Record<string, CharacterName>> = {
  '\n': 'lineBreak',
  '\r': 'lineBreak',
  '\t': 'tab',
  '\0': 'nul',
};

/** The first character the rules refuse: outside `allowed`, a leading ".", or a "$" not at the end. */
function firstOutside(text: string, allowed: RegExp, trailingDollar: boolean): string {
  const chars = [...text];
  const isLast = (i: number): boolean => i === chars.length - 1 && i > 0;
  const bad = chars.findIndex(
    (c, i) => (i === 0 && c === '.') || !(allowed.test(c) || (trailingDollar && c === '$' && isLast(i))),
  );
  return chars[bad === -1 ? 0 : bad] ?? '';
}

/** A value for a message (which quotes it), shortened so a pasted novel does not fill the dialog. */
function shortened(value: string): string {
  const chars = [...value];
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : value;
}

function problem(
  part: LocationPart,
  message: LocationMessageCode,
  remedy: LocationRemedyCode,
  params?: Readonly<Record<string, string>>,
): LocationProblem {
  const words: LocationWords = { message, remedy, ...(params === undefined ? {} : { params }) };
  return { part, ...locationWordsEnglish(words), words };
}

function refuse(found: LocationProblem): LocationParse {
  return { ok: false, problem: found };
}

function accept(location: ParsedLocation): LocationParse {
  return { ok: true, location };
}
