/**
 * The one parser for repository locations, in the forms borg 1.x accepts (borg docs, "Repository
 * URLs"): `ssh://[user@]host[:port]/path` (IPv6 in brackets), scp style `[user@]host:path`,
 * `file:///path` and local paths; and borg 2's borgstore locations `sftp://[user@]host[:port]/path`
 * and `rclone:remote:path` (whether the borg in use opens them: location-schemes.ts). Borg turns the user and host into ssh's arguments
 * (`ssh [-p port] user@host borg serve`), so a host like `-oProxyCommand=…` would reach ssh as an
 * option and run a command: such parts are refused here, before anything runs. Pure (no Node
 * modules), so the renderer's forms show the same message next to the field.
 */

/** Which part of a location a problem is about. */
export type LocationPart = 'location' | 'scheme' | 'user' | 'host' | 'port' | 'path';

/** Why a location is refused: a plain message naming the part, and what to do instead. */
export interface LocationProblem {
  readonly part: LocationPart;
  readonly message: string;
  readonly remedy: string;
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

const SCHEME_REMEDY =
  'Use a folder, ssh://user@host/path or user@host:path; with borg 2 also sftp://user@host/path or rclone:remote:path.';
const SCP_HOST_REMEDY =
  'Write it as user@host:path or ssh://user@host:port/path. For a folder whose name has a “:” in it, type its full path starting with /.';

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
  if (text === '')
    return problem('location', 'Enter where the repository is.', 'Type a folder path or an ssh:// address.');
  const control = CONTROL.exec(text);
  if (control !== null) {
    return problem(
      'location',
      `The location contains an invisible character (${describeCharacter(control[0])}).`,
      'Retype the location: copying it from a document or a chat can bring hidden characters along.',
    );
  }
  if (text.length > MAX_LENGTH)
    return problem('location', 'The location is too long.', 'Use a shorter path for the repository.');
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
    return refuse(
      problem('scheme', `Write “${lower}://” in lower case.`, 'Borg only recognises it that way.'),
    );
  }
  return refuse(problem('scheme', `Borgdesk cannot use ${shown(`${scheme}://`)} locations.`, SCHEME_REMEDY));
}

// borgstore runs `rclone rcd` with the remote as one argv word, so only the name before ":" is judged.
function parseRclone(text: string): LocationParse {
  if (!text.startsWith('rclone:'))
    return refuse(problem('scheme', 'Write “rclone:” in lower case.', 'Borg only recognises it that way.'));
  const rest = text.slice('rclone:'.length);
  const colon = rest.indexOf(':');
  const remote = colon === -1 ? '' : rest.slice(0, colon);
  if (remote === '' || !HOST_NAME.test(remote)) {
    return refuse(
      problem(
        'host',
        'An rclone location names an rclone remote and a path, as in rclone:myremote:backups/repo.',
        'Use the name of a remote from “rclone config” (letters, digits, “.”, “_”, “-”), then “:” and the path.',
      ),
    );
  }
  const bad = checkPath(rest.slice(colon + 1));
  return bad !== undefined
    ? refuse(bad)
    : accept({ form: 'rclone', scheme: 'rclone', path: rest.slice(colon + 1) });
}

function parseFileUrl(rest: string): LocationParse {
  // Borg reads "file://name/path" as the relative path "name/path"; only the absolute form is clear.
  if (!rest.startsWith('/') || rest.length < 2) {
    return refuse(
      problem(
        'path',
        'A file:// location needs an absolute path, as in file:///srv/borg/repo.',
        'Or type the folder path itself, e.g. /srv/borg/repo.',
      ),
    );
  }
  const bad = checkPath(rest);
  return bad !== undefined ? refuse(bad) : accept({ form: 'file-url', scheme: 'file', path: rest });
}

type RemoteForm = 'ssh-url' | 'sftp-url' | 'scp';

/** `[user@]host[:port]` of an ssh or sftp URL, or `[user@]host` of scp style, with the path after it. */
function parseRemote(form: RemoteForm, authority: string, path: string): LocationParse {
  const at = authority.split('@');
  if (at.length > 2) {
    return refuse(
      problem(
        'user',
        'The location has more than one “@”; only one goes between the user name and the host.',
        'Write it as user@host. A user name with “@” in it can be set in ~/.ssh/config for a host alias.',
      ),
    );
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
      return {
        problem: problem(
          'host',
          'The IPv6 address has no closing “]”.',
          'Write it as ssh://user@[2001:db8::1]:22/path.',
        ),
      };
    }
    const after = hostAndPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) {
      return {
        problem: problem(
          'host',
          'Only “:port” may follow the IPv6 address in brackets.',
          'Write it as ssh://user@[2001:db8::1]:22/path.',
        ),
      };
    }
    return { host: hostAndPort.slice(0, close + 1), port: after === '' ? undefined : after.slice(1) };
  }
  const colon = hostAndPort.indexOf(':');
  if (colon === -1) return { host: hostAndPort, port: undefined };
  return { host: hostAndPort.slice(0, colon), port: hostAndPort.slice(colon + 1) };
}

function checkUser(user: string): LocationProblem | undefined {
  const remedy = 'Check the user name before “@”: letters, digits, “.”, “_” and “-” (not at the start).';
  if (user === '')
    return problem(
      'user',
      'The user name before “@” is empty.',
      'Write it as user@host, or leave out the “@”.',
    );
  if (user.startsWith('-'))
    return problem(
      'user',
      `The user name ${shown(user)} cannot start with “-”: ssh would read it as an option.`,
      remedy,
    );
  if (/\s/.test(user)) return problem('user', `The user name ${shown(user)} contains a space.`, remedy);
  if (!USER_NAME.test(user)) {
    return problem(
      'user',
      `The user name ${shown(user)} contains ${shown(firstOutside(user, /[A-Za-z0-9._-]/, true))}, which a user name cannot contain.`,
      remedy,
    );
  }
  return undefined;
}

function checkHost(host: string, form: RemoteForm): LocationProblem | undefined {
  const remedy =
    form === 'scp'
      ? SCP_HOST_REMEDY
      : 'Check the host: a name such as nas.local, an ssh alias, an IPv4 address, or an IPv6 address in brackets.';
  if (host === '') return problem('host', 'The location has no host.', remedy);
  if (host.startsWith('-'))
    return problem(
      'host',
      `The host ${shown(host)} cannot start with “-”: ssh would read it as an option.`,
      remedy,
    );
  if (/\s/.test(host)) return problem('host', `The host ${shown(host)} contains a space.`, remedy);
  if (host.startsWith('[')) {
    return IPV6_IN_BRACKETS.test(host)
      ? undefined
      : problem(
          'host',
          `${shown(host)} is not an IPv6 address.`,
          'Write an IPv6 address in brackets, e.g. [2001:db8::1].',
        );
  }
  if (host.length > MAX_HOST_LENGTH) return problem('host', 'The host name is too long.', remedy);
  if (!HOST_NAME.test(host)) {
    return problem(
      'host',
      `The host ${shown(host)} contains ${shown(firstOutside(host, /[A-Za-z0-9._-]/, false))}, which a host name cannot contain.`,
      `${remedy} An international name goes in its xn-- form.`,
    );
  }
  return undefined;
}

function checkPort(port: string): LocationProblem | undefined {
  const value = Number(port);
  if (PORT.test(port) && value >= 1 && value <= 65535) return undefined;
  return problem(
    'port',
    port === '' ? 'The port after “:” is empty.' : `The port ${shown(port)} is not a number from 1 to 65535.`,
    'Give the ssh port as digits, e.g. ssh://user@host:2222/path, or leave it out for port 22.',
  );
}

function checkRemotePath(path: string, form: RemoteForm): LocationProblem | undefined {
  const example =
    form === 'scp' ? 'user@host:backups/repo' : `${form.slice(0, -4)}://user@host/./backups/repo`;
  // Borg needs more than "/" after the host in a URL, and something after ":" in scp style.
  if (path === '' || (form !== 'scp' && path === '/'))
    return problem(
      'path',
      'The location names no folder on the server.',
      `Add the repository's path, e.g. ${example}.`,
    );
  if (form === 'scp' && (path.startsWith(':') || path.startsWith('//')))
    return problem(
      'path',
      'The path after the host cannot start with “:” or “//”.',
      `Write it as ${example}.`,
    );
  return checkPath(path);
}

function checkPath(path: string): LocationProblem | undefined {
  if (path.includes('::')) {
    return problem(
      'path',
      'The location cannot contain “::”: borg reads what follows as an archive name.',
      'Choose a folder whose name has no “::” in it.',
    );
  }
  return undefined;
}

function parseLocalPath(text: string): LocationParse {
  if (text.startsWith('-')) {
    return refuse(
      problem(
        'location',
        'A location cannot start with “-”.',
        'Type a folder path (e.g. /media/usb/backups) or an ssh:// address.',
      ),
    );
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

function describeCharacter(char: string): string {
  const names: Record<string, string> = {
    '\n': 'a line break',
    '\r': 'a line break',
    '\t': 'a tab',
    '\0': 'a NUL byte',
  };
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const name = names[char];
  return name === undefined ? code : `${name}, ${code}`;
}

/** The first character the rules refuse: outside `allowed`, a leading ".", or a "$" not at the end. */
function firstOutside(text: string, allowed: RegExp, trailingDollar: boolean): string {
  const chars = [...text];
  const isLast = (i: number): boolean => i === chars.length - 1 && i > 0;
  const bad = chars.findIndex(
    (c, i) => (i === 0 && c === '.') || !(allowed.test(c) || (trailingDollar && c === '$' && isLast(i))),
  );
  return chars[bad === -1 ? 0 : bad] ?? '';
}

/** A value quoted for a message, shortened so a pasted novel does not fill the dialog. */
function shown(value: string): string {
  const chars = [...value];
  return `“${chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : value}”`;
}

function problem(part: LocationPart, message: string, remedy: string): LocationProblem {
  return { part, message, remedy };
}

function refuse(found: LocationProblem): LocationParse {
  return { ok: false, problem: found };
}

function accept(location: ParsedLocation): LocationParse {
  return { ok: true, location };
}
