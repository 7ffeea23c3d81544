/**
 * Patterns that match exactly one archive path, for a borg 1.2/1.4 `--exclude-from` file (borg help
 * patterns), and the PATH arguments of `borg extract` that select one path and what is below it.
 * `pf:` (path full-match) is borg's exact style and its fast one: borg keeps pf: patterns in a dict,
 * so thousands of them cost one lookup per item. It is not safe for every name, though:
 * borg strips whitespace at both ends of every line it reads (helpers.clean_lines), splits lines on
 * CR and LF, passes pf: patterns through os.path.normpath, and prints undecodable bytes as "?"
 * (remove_surrogates), so "?" in a listed path may stand for a byte that is not "?" on disk. Such
 * paths get an anchored `re:` pattern with every special character escaped instead.
 */

const NEEDS_REGEX = /[\r\n?]/;
// Each "?" in borg's listing is a real "?" or one undecodable byte (Python's surrogateescape range).
const QUESTION_MARK = '(?:\\?|[\\udc80-\\udcff])';

/** The one exclude-file line that matches exactly `archivePath` (as `borg list` prints it). */
export function exactPathPattern(archivePath: string): string {
  const path = archivePath.replace(/^\/+/, '');
  if (!NEEDS_REGEX.test(path) && !endsWithSpace(path) && !changedByNormpath(path)) return `pf:${path}`;
  return `re:^${escapeForPython(path)}\\Z`;
}

/**
 * The PATH argument of `borg extract` that selects `archivePath` and everything below it. Borg reads
 * every PATH as a pattern (patterns.parse_pattern): one that starts with two letters or digits and a
 * colon, such as a folder named "re:odd" or "sh:a*", would be taken as that style, or refused as an
 * unknown one. `pp:` (path prefix) is the style borg gives a plain PATH anyway, so it changes the
 * meaning of no other path. A "?" may stand for an undecodable byte, which no argument string can
 * carry: such paths get an anchored `re:` for the path itself and anything below it.
 */
export function selectedPathPattern(archivePath: string): string {
  const path = archivePath.replace(/^\/+/, '');
  if (!path.includes('?') && !changedByNormpath(path)) return `pp:${path}`;
  return `re:^${escapeForPython(path)}(?:/|\\Z)`;
}

/** The text of an `--exclude-from` file that leaves out exactly these paths (UTF-8, one per line). */
export function buildExactExcludeFile(archivePaths: readonly string[]): string {
  return archivePaths.map((p) => `${exactPathPattern(p)}\n`).join('');
}

// Python's str.isspace() set (what clean_lines strips) plus everything JavaScript calls whitespace.
function endsWithSpace(path: string): boolean {
  const last = path.slice(-1);
  const code = last.codePointAt(0) ?? 0;
  return /^\s$/u.test(last) || (code >= 0x1c && code <= 0x1f) || code === 0x85;
}

// os.path.normpath drops empty and "." segments and resolves ".." — a pf: pattern would then name another path.
function changedByNormpath(path: string): boolean {
  return path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
}

// Python's re: letters, digits, "_" and "/" stand for themselves; any other ASCII character may be
// escaped with a backslash; spaces and control characters are written as \xHH / \uHHHH so that no
// line break or strippable whitespace is left in the file.
function escapeForPython(path: string): string {
  let out = '';
  for (const ch of path) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '?') out += QUESTION_MARK;
    else if (/^[A-Za-z0-9_/]$/.test(ch)) out += ch;
    else if (code > 0x20 && code < 0x7f) out += `\\${ch}`;
    else if (code <= 0x20 || (code >= 0x7f && code <= 0xa0)) out += `\\x${hex(code, 2)}`;
    else if (/^\s$/u.test(ch) || (code >= 0xd800 && code <= 0xdfff)) out += `\\u${hex(code, 4)}`;
    else out += ch;
  }
  return out;
}

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}
