/**
 * One matcher per borg pattern style, reproducing borg 1.2's rules (`borg help patterns` and
 * borg/patterns.py, shellpattern.py):
 * - fm: fnmatch; `*` and `?` cross `/`; matches the whole path or a leading part of it ending
 *   just before a `/`; a trailing `/` matches only the directory's contents.
 * - sh: like fm but `*` and `?` stay within one path component and `**` + `/` spans zero or more
 *   directories.
 * - re: a Python regex searched anywhere in the path (anchor it!).
 * - pp: a path prefix: the directory itself and everything inside.
 * - pf: exactly this path.
 * Paths are matched without a leading slash; a leading slash on fm/sh/pp/pf patterns is dropped
 * (never on re: patterns).
 */
import { pythonRegexToJs, RegexTranslationError } from './python-regex.js';

/** The five pattern styles borg knows, by their two-letter selector. */
export type PatternStyle = 'fm' | 'sh' | 're' | 'pp' | 'pf';

/** All selectors, for validation messages. */
export const PATTERN_STYLES: readonly PatternStyle[] = ['fm', 'sh', 're', 'pp', 'pf'];

/** A compiled pattern: its style, and a test against a normalised archive path. */
export interface CompiledPattern {
  readonly style: PatternStyle;
  /** For pf: the exact normalised path (borg looks these up before any ordered rule). */
  readonly fullPath?: string;
  matches(path: string): boolean;
}

/** Thrown for a pattern borg would reject; the message is meant for the user. */
export class PatternSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternSyntaxError';
  }
}

/**
 * Split an optional `xx:` style selector off `text` (borg: two alphanumerics then a colon), else
 * use `fallback`. Throws for an unknown selector such as `aa:`.
 */
export function splitStyle(text: string, fallback: PatternStyle): { style: PatternStyle; body: string } {
  if (text.length > 2 && text[2] === ':' && /^[\p{L}\p{N}]{2}$/u.test(text.slice(0, 2))) {
    const selector = text.slice(0, 2);
    if (!isPatternStyle(selector)) {
      throw new PatternSyntaxError(
        `Unknown pattern style "${selector}:". Use one of ${PATTERN_STYLES.map((s) => `${s}:`).join(', ')} ` +
          `(write fm:${text} to match "${selector}:" literally).`,
      );
    }
    return { style: selector, body: text.slice(3) };
  }
  return { style: fallback, body: text };
}

/** True when `s` is one of borg's two-letter pattern styles. */
export function isPatternStyle(s: string): s is PatternStyle {
  return (PATTERN_STYLES as readonly string[]).includes(s);
}

/** Compile `body` (without selector) in `style`. */
export function compilePattern(style: PatternStyle, body: string): CompiledPattern {
  switch (style) {
    case 'pf': {
      const fullPath = stripLeadingSlashes(normpath(body));
      return { style, fullPath, matches: (path) => path === fullPath };
    }
    case 'pp': {
      const prefix = stripLeadingSlashes(normpath(body).replace(/\/+$/, '') + '/');
      return { style, matches: (path) => `${path}/`.startsWith(prefix) };
    }
    case 'fm':
    case 'sh': {
      const regex = patternRegExp(style, body);
      return { style, matches: (path) => regex.test(`${path}/`) };
    }
    case 're': {
      try {
        const regex = patternRegExp(style, body);
        return { style, matches: (path) => regex.test(path) };
      } catch (e) {
        if (e instanceof RegexTranslationError) throw new PatternSyntaxError(e.message);
        throw e;
      }
    }
  }
}

/**
 * The regular expression behind an fm:, sh: or re: pattern, for code that cannot hold a matcher's
 * closure (a worker thread gets its source): fm/sh test `${path}/`, re tests the path itself.
 */
export function patternRegExp(style: 'fm' | 'sh' | 're', body: string): RegExp {
  if (style === 're') return pythonRegexToJs(body);
  const tail = style === 'fm' ? ['/*/', '/*'] : ['/**/*/', '/**/*'];
  const full = body.endsWith('/') ? normpath(body).replace(/\/+$/, '') + tail[0] : normpath(body) + tail[1];
  return new RegExp(`^${translateGlob(stripLeadingSlashes(full), style)}$`, 'su');
}

/** Python's os.path.normpath for POSIX paths: collapse `//`, `.` and `dir/..`; '' becomes '.'. */
export function normpath(path: string): string {
  if (path === '') return '.';
  const leading = path.startsWith('//') && !path.startsWith('///') ? '//' : path.startsWith('/') ? '/' : '';
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..' || (leading === '' && (parts.length === 0 || parts[parts.length - 1] === '..'))) {
      parts.push(part);
    } else if (parts.length > 0) {
      parts.pop();
    }
  }
  return leading + parts.join('/') || '.';
}

/** Remove every leading `/` (borg: "a leading path separator is always removed"). */
export function stripLeadingSlashes(path: string): string {
  return path.replace(/^\/+/, '');
}

/** Translate an fnmatch (`fm`) or borg shell (`sh`) glob to a JS regex source (no anchors). */
function translateGlob(pattern: string, style: 'fm' | 'sh'): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    i++;
    if (c === '*') {
      if (style === 'fm') {
        while (pattern[i] === '*') i++;
        out += '.*';
      } else if (pattern[i] === '*' && pattern[i + 1] === '/') {
        out += '(?:[^/]*/)*';
        i += 2;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += style === 'fm' ? '.' : '[^/]';
    } else if (c === '[') {
      const set = readSet(pattern, i, style);
      if (set === undefined) {
        out += '\\[';
      } else {
        out += set.regex;
        i = set.next;
      }
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

/** A `[...]` set starting after `[` at `start`; undefined when it is never closed (then `[` is literal). */
function readSet(
  pattern: string,
  start: number,
  style: 'fm' | 'sh',
): { regex: string; next: number } | undefined {
  let j = start;
  if (pattern[j] === '!') j++;
  if (pattern[j] === ']') j++;
  while (j < pattern.length && pattern[j] !== ']') j++;
  if (j >= pattern.length) return undefined;
  let body = pattern.slice(start, j);
  const negated = body.startsWith('!');
  if (negated) body = body.slice(1);
  // Backslash is an ordinary character in both styles; every member is emitted escaped.
  let members = '';
  for (let k = 0; k < body.length; k++) {
    const from = body[k] as string;
    const to = body[k + 2];
    if (body[k + 1] === '-' && to !== undefined) {
      k += 2;
      if (from > to) {
        // fnmatch drops an empty range; borg's sh translation hands it to Python's re, which refuses it.
        if (style === 'sh')
          throw new PatternSyntaxError(`Bad character range "${from}-${to}" in a [...] set.`);
        continue;
      }
      members += `${escapeSetChar(from)}-${escapeSetChar(to)}`;
    } else {
      members += escapeSetChar(from);
    }
  }
  let regex: string;
  if (members === '') regex = negated ? '[\\s\\S]' : '(?!)';
  else regex = `[${negated ? '^' : ''}${members}]`;
  return { regex, next: j + 1 };
}

function escapeSetChar(c: string): string {
  return /[\\\]^[-]/.test(c) ? `\\${c}` : c;
}

function escapeRegex(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}
