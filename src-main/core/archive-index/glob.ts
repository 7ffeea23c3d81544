/**
 * Glob patterns as users type them in a search box, compiled to regular expressions:
 * `*` any run of characters and `?` one character (neither crosses '/'), `[abc]` / `[a-z]` / `[!abc]`
 * classes (never '/'), `**` any run including '/' (so `**\/` is zero or more folders), `\x` a literal x.
 */

/** Thrown for a pattern that cannot be compiled (e.g. a reversed range `[z-a]`). */
export class GlobSyntaxError extends Error {}

const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** Regex source (no anchors) for `glob`; with crossFolders false, `**` behaves like `*`. */
export function globSource(glob: string, crossFolders: boolean): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*') {
      if (glob[i + 1] !== '*') {
        out += '[^/]*';
        continue;
      }
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      i++;
      while (glob[i + 1] === '*') i++;
      if (!crossFolders) out += '[^/]*';
      else if (atSegmentStart && glob[i + 1] === '/') {
        out += '(?:.*/)?';
        i++;
      } else out += '.*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const cls = charClass(glob, i);
      if (cls === undefined) out += '\\[';
      else {
        out += cls.source;
        i = cls.end;
      }
    } else if (ch === '\\' && i + 1 < glob.length) out += escape(glob[++i] as string);
    else out += escape(ch);
  }
  return out;
}

/** A RegExp matching whole strings against `glob` (the 's' flag lets `**` cross newlines in odd names). */
export function compileGlob(glob: string, crossFolders: boolean, flags = ''): RegExp {
  const source = `^(?:${globSource(glob, crossFolders)})$`;
  try {
    return new RegExp(source, `su${flags}`);
  } catch {
    throw new GlobSyntaxError(`"${glob}" is not a valid pattern.`);
  }
}

function charClass(glob: string, open: number): { source: string; end: number } | undefined {
  let j = open + 1;
  let negate = false;
  if (glob[j] === '!' || glob[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  // A ']' right after the opening bracket is a member, not the end.
  if (glob[j] === ']') {
    body += '\\]';
    j++;
  }
  for (; j < glob.length; j++) {
    const ch = glob[j] as string;
    if (ch === ']') {
      return { source: negate ? `[^${body}/]` : `(?!/)[${body}]`, end: j };
    }
    if (ch === '\\' && j + 1 < glob.length) {
      const member = glob[++j] as string;
      body += member === '-' ? '\\-' : escapeClassChar(member);
    } else body += ch === '-' ? '-' : escapeClassChar(ch);
  }
  return undefined;
}

function escapeClassChar(ch: string): string {
  return ch === '\\' || ch === ']' || ch === '[' || ch === '^' ? `\\${ch}` : ch;
}

function escape(ch: string): string {
  return ch.replace(SYNTAX, '\\$&');
}
