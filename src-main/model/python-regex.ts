/**
 * Borg's `re:` patterns are Python regular expressions; the tester runs them as JS RegExps. This
 * translates the common subset and refuses, with a plain message, what JS cannot express the same
 * way. Known remaining differences (documented for the UI): `\w`, `\d`, `\s` and `\b` are
 * Unicode-aware in Python but ASCII in JS; Python's `$` also matches before a final newline (paths
 * have none); `(?a)`/`(?u)` are accepted and ignored.
 * Python reference: https://docs.python.org/3/library/re.html
 */

/** Thrown for a pattern Python would reject or the tester cannot reproduce faithfully. */
export class RegexTranslationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegexTranslationError';
  }
}

const FLAG_MAP: Record<string, string> = { i: 'i', m: 'm', s: 's', a: '', u: '', x: '' };

/** Translate a Python regex (as used after `re:`) into an equivalent JS RegExp. */
export function pythonRegexToJs(pattern: string): RegExp {
  let source = pattern;
  let flags = '';
  let verbose = false;
  // Global flags are only allowed at the very start in Python 3.11+: (?i), (?ms), (?i)(?s) …
  for (let m = /^\(\?([a-zA-Z]+)\)/.exec(source); m !== null; m = /^\(\?([a-zA-Z]+)\)/.exec(source)) {
    for (const f of m[1] ?? '') {
      const js = FLAG_MAP[f];
      if (js === undefined)
        throw new RegexTranslationError(`The flag "${f}" in (?${m[1]}) is not supported.`);
      if (f === 'x') verbose = true;
      if (!flags.includes(js)) flags += js;
    }
    source = source.slice(m[0].length);
  }
  if (verbose) source = stripVerbose(source);
  const translated = translateBody(source);
  try {
    return new RegExp(translated, flags);
  } catch (e) {
    throw new RegexTranslationError(`Not a valid regular expression: ${(e as Error).message}`);
  }
}

function translateBody(src: string): string {
  let out = '';
  let inClass = false;
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\') {
      const [text, used] = translateEscape(src, i, inClass);
      out += text;
      i += used;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += '[';
      i++;
      if (src[i] === '^') {
        out += '^';
        i++;
      }
      // A `]` first in a Python set is a literal; in JS `[]` is an empty set.
      if (src[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && src[i + 1] === '?') {
      const [text, used] = translateGroupStart(src, i);
      out += text;
      i += used;
      continue;
    }
    if ((c === '*' || c === '+' || c === '?' || c === '}') && src[i + 1] === '+') {
      throw new RegexTranslationError('Possessive quantifiers (*+, ++, ?+) are not supported by the tester.');
    }
    if (c === '{') {
      const m = /^\{,(\d+)\}/.exec(src.slice(i));
      if (m !== null) {
        // Python's {,n} means {0,n}; JS would read it as literal text.
        out += `{0,${m[1]}}`;
        i += m[0].length;
        continue;
      }
    }
    out += c;
    i++;
  }
  if (inClass) throw new RegexTranslationError('A "[" set is not closed with "]".');
  return out;
}

function translateGroupStart(src: string, i: number): [string, number] {
  const rest = src.slice(i);
  const named = /^\(\?P<([A-Za-z_]\w*)>/.exec(rest);
  if (named !== null) return [`(?<${named[1]}>`, named[0].length];
  const backref = /^\(\?P=([A-Za-z_]\w*)\)/.exec(rest);
  if (backref !== null) return [`\\k<${backref[1]}>`, backref[0].length];
  const comment = /^\(\?#[^)]*\)/.exec(rest);
  if (comment !== null) return ['', comment[0].length];
  for (const plain of ['(?:', '(?=', '(?!', '(?<=', '(?<!']) {
    if (rest.startsWith(plain)) return [plain, plain.length];
  }
  if (rest.startsWith('(?<')) {
    throw new RegexTranslationError('Python writes named groups as (?P<name>…), not (?<name>…).');
  }
  if (rest.startsWith('(?>')) throw new RegexTranslationError('Atomic groups (?>…) are not supported.');
  if (rest.startsWith('(?('))
    throw new RegexTranslationError('Conditional groups (?(…)…) are not supported.');
  if (/^\(\?[a-zA-Z-]+:/.test(rest)) {
    throw new RegexTranslationError('Scoped flags such as (?i:…) are not supported; put (?i) at the start.');
  }
  if (/^\(\?[a-zA-Z]+\)/.test(rest)) {
    throw new RegexTranslationError('Flags such as (?i) must be at the very start of the pattern.');
  }
  throw new RegexTranslationError(`Unknown group syntax "${rest.slice(0, 4)}".`);
}

function translateEscape(src: string, i: number, inClass: boolean): [string, number] {
  const c = src[i + 1];
  if (c === undefined) throw new RegexTranslationError('The pattern ends with a lone backslash.');
  if (!inClass && c === 'A') return ['(?<![\\s\\S])', 2];
  if (!inClass && (c === 'Z' || c === 'z')) return ['(?![\\s\\S])', 2];
  if ('dDwWsSfnrtv'.includes(c) || (!inClass && 'bB'.includes(c))) return [`\\${c}`, 2];
  if (inClass && c === 'b') return ['\\x08', 2];
  if (c === 'a') return ['\\x07', 2];
  if (c === 'x') return [checkedHex(src, i, 2), 4];
  if (c === 'u') return [checkedHex(src, i, 4), 6];
  if (c === 'U') {
    const hex = src.slice(i + 2, i + 10);
    if (!/^[0-9a-fA-F]{8}$/.test(hex)) throw new RegexTranslationError('\\U needs eight hex digits.');
    return [escapeLiteral(String.fromCodePoint(parseInt(hex, 16))), 10];
  }
  if (/\d/.test(c)) {
    const digits = /^\d+/.exec(src.slice(i + 1))?.[0] ?? c;
    return [`\\${digits}`, 1 + digits.length];
  }
  if (/[A-Za-z]/.test(c)) throw new RegexTranslationError(`Unknown escape "\\${c}".`);
  return [`\\${c}`, 2];
}

function checkedHex(src: string, i: number, count: number): string {
  const hex = src.slice(i + 2, i + 2 + count);
  if (!new RegExp(`^[0-9a-fA-F]{${count}}$`).test(hex)) {
    throw new RegexTranslationError(`\\${src[i + 1]} needs ${count} hex digits.`);
  }
  return src.slice(i, i + 2 + count);
}

function escapeLiteral(ch: string): string {
  return ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** (?x): drop unescaped whitespace and `#` comments outside sets, as Python does. */
function stripVerbose(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '\\') {
      out += src.slice(i, i + 2);
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}
