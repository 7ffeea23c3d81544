/**
 * What borg 1.2 accepts as a new archive name, checked before borg runs. Borg's own check
 * (helpers/parseformat.py archivename_validator) refuses only "/", "::" and an empty name; the length
 * limit (255 characters, helpers/manifest.py) is an assertion when the manifest is written, so a
 * longer name fails at the very end of the backup with a traceback. Borg also names checkpoints
 * "<name>.checkpoint" or "<name>.checkpoint.N", which must fit too. Placeholders (`borg help
 * placeholders`) are expanded by borg, so their length is estimated on the generous side. No Node
 * APIs here: the renderer's plan editor runs the same checks.
 */
import { inputProblemEnglish, type InputProblem } from './input-problems.js';

/** The longest name borg 1.2 stores (characters). */
export const BORG_ARCHIVE_NAME_LIMIT = 255;
/** The longest name Borgdesk starts a backup with: room is left for ".checkpoint.NN". */
export const ARCHIVE_NAME_LIMIT = 240;

/** What a borg release accepts as a new archive name (the capability table picks one per version). */
export interface ArchiveNameRules {
  /** The longest name Borgdesk starts a backup with. */
  readonly maxLength: number;
  /** Why the limit, for the message: room for checkpoint names (borg 1) or for a mounted folder path (borg 2). */
  readonly limitReason: 'checkpoints' | 'mount';
  /** Refused characters besides "/" and control characters. */
  readonly refusedCharacters: string;
  /** "::" is refused (borg 1's REPO::NAME separator). */
  readonly refusesDoubleColon: boolean;
  /** A leading or trailing blank is refused. */
  readonly refusesEdgeBlanks: boolean;
  /** Borg names checkpoints "<name>.checkpoint[.N]", so names cannot end like that. */
  readonly checkpoints: boolean;
  /** Borg checks the name as typed, placeholders unexpanded, when it starts (2.x). */
  readonly checksTemplate: boolean;
}

/** Borg 1.2/1.4: 255 characters in the manifest, less room for ".checkpoint.NN". */
export const BORG1_ARCHIVE_NAME_RULES: ArchiveNameRules = {
  maxLength: ARCHIVE_NAME_LIMIT,
  limitReason: 'checkpoints',
  refusedCharacters: '',
  refusesDoubleColon: true,
  refusesEdgeBlanks: false,
  checkpoints: true,
  checksTemplate: false,
};

/**
 * Borg 2 (2.0.0b19 helpers/parseformat.py archivename_validator, checked when borg starts): at most
 * 200 characters, so a mounted archive's folder fits a Windows path; no `/ " < | > ? *`, no leading or
 * trailing blank; no checkpoints.
 */
export const BORG2_ARCHIVE_NAME_RULES: ArchiveNameRules = {
  maxLength: 200,
  limitReason: 'mount',
  refusedCharacters: '"<|>?*',
  refusesDoubleColon: false,
  refusesEdgeBlanks: true,
  checkpoints: false,
  checksTemplate: true,
};

/** Placeholders borg 1.2 expands in archive names. */
export const ARCHIVE_PLACEHOLDERS = [
  'hostname',
  'fqdn',
  'reverse-fqdn',
  'now',
  'utcnow',
  'user',
  'pid',
  'uuid4',
  'borgversion',
  'borgmajor',
  'borgminor',
  'borgpatch',
] as const;

/** One piece of a name: literal text, or a placeholder with its optional strftime format. */
export type NamePart =
  { readonly literal: string } | { readonly placeholder: string; readonly format?: string };

/** What the estimate assumes about the host and user borg runs as. */
export interface NameFacts {
  readonly hostname: string;
  readonly user: string;
}

/**
 * The longest host name label (63, the DNS limit) and user name (32, Linux's limit). The estimate
 * does not look at this computer: the UI checks a plan with the same rules, and a plan stays valid
 * when the computer is renamed.
 */
export const GENEROUS_NAME_FACTS: NameFacts = { hostname: 'h'.repeat(63), user: 'u'.repeat(32) };

/** Splits a name into literal text and placeholders ("{{" and "}}" are literal braces). */
export function parseArchiveName(name: string): { parts: NamePart[] } | { problem: InputProblem } {
  const parts: NamePart[] = [];
  let literal = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i] as string;
    if ((c === '{' || c === '}') && name[i + 1] === c) {
      literal += c;
      i++;
    } else if (c === '}') {
      return { problem: { code: 'nameBraceUnopened' } };
    } else if (c === '{') {
      const end = name.indexOf('}', i);
      if (end < 0) return { problem: { code: 'nameBraceUnclosed' } };
      const inner = name.slice(i + 1, end);
      const colon = inner.indexOf(':');
      if (literal !== '') parts.push({ literal });
      literal = '';
      parts.push(
        colon < 0
          ? { placeholder: inner }
          : { placeholder: inner.slice(0, colon), format: inner.slice(colon + 1) },
      );
      i = end;
    } else {
      literal += c;
    }
  }
  if (literal !== '') parts.push({ literal });
  return { parts };
}

/** The most characters `parts` can expand to (code points, as Python's len() counts them). */
export function estimateExpandedLength(parts: readonly NamePart[], facts: NameFacts): number {
  let total = 0;
  for (const part of parts) {
    total += 'literal' in part ? Array.from(part.literal).length : placeholderLength(part, facts);
  }
  return total;
}

/** Why borg would refuse (or fail on) `name` as a new archive name, in English; undefined when it is fine. */
export function checkArchiveName(
  name: string,
  facts: NameFacts = GENEROUS_NAME_FACTS,
  rules: ArchiveNameRules = BORG1_ARCHIVE_NAME_RULES,
): string | undefined {
  const problem = archiveNameProblem(name, facts, rules);
  return problem === undefined ? undefined : inputProblemEnglish(problem);
}

/** Why borg would refuse (or fail on) `name` as a new archive name; undefined when it is fine. */
export function archiveNameProblem(
  name: string,
  facts: NameFacts = GENEROUS_NAME_FACTS,
  rules: ArchiveNameRules = BORG1_ARCHIVE_NAME_RULES,
): InputProblem | undefined {
  if (name.trim() === '') return { code: 'nameEmpty' };
  if (Array.from(name).some(isControl)) return { code: 'nameHasControl' };
  const parsed = parseArchiveName(name);
  if ('problem' in parsed) return parsed.problem;
  const literal = parsed.parts.map((p) => ('literal' in p ? p.literal : '\u0000')).join('');
  if (literal.includes('/')) return { code: 'nameHasSlash' };
  const refused = Array.from(rules.refusedCharacters).find((c) => literal.includes(c));
  if (refused !== undefined) {
    return { code: 'nameHasRefusedCharacter', params: { character: quoteCharacter(refused) } };
  }
  if (rules.refusesDoubleColon && literal.includes('::')) return { code: 'nameHasDoubleColon' };
  if (rules.refusesEdgeBlanks && name !== name.trim()) return { code: 'nameHasEdgeBlank' };
  if (rules.checkpoints && /\.checkpoint(\.\d+)?$/.test(literal)) return { code: 'nameEndsInCheckpoint' };
  const expanded = estimateExpandedLength(parsed.parts, facts);
  // Borg 2 checks the name as typed, before it fills in the placeholders: both must fit.
  const length = rules.checksTemplate ? Math.max(expanded, Array.from(name).length) : expanded;
  if (length > rules.maxLength) {
    return tooLong(
      length,
      parsed.parts.some((p) => 'placeholder' in p),
      rules,
    );
  }
  return undefined;
}

function isControl(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

function quoteCharacter(c: string): string {
  return c === '"' ? "'\"'" : `"${c}"`;
}

function tooLong(length: number, hasPlaceholders: boolean, rules: ArchiveNameRules): InputProblem {
  const limits = { limit: rules.maxLength, length };
  if (rules.limitReason === 'mount') {
    return { code: hasPlaceholders ? 'templateTooLongForMount' : 'nameTooLongForMount', params: limits };
  }
  return {
    code: hasPlaceholders ? 'templateTooLongForCheckpoints' : 'nameTooLongForCheckpoints',
    params: { ...limits, borgLimit: BORG_ARCHIVE_NAME_LIMIT },
  };
}

// Generous lengths of borg's values: a domain may follow the host name; versions may carry a dev tag.
const FIXED_LENGTHS: Readonly<Record<string, number>> = {
  pid: 7,
  uuid4: 36,
  borgversion: 24,
  borgmajor: 4,
  borgminor: 8,
  borgpatch: 12,
};
// With the longest host name label, {fqdn} is estimated at 100 characters.
const DOMAIN_ALLOWANCE = 37;
// borg's default for {now} and {utcnow}: '%Y-%m-%dT%H:%M:%S'.
const DEFAULT_TIME_LENGTH = 19;

function placeholderLength(part: { placeholder: string; format?: string }, facts: NameFacts): number {
  switch (part.placeholder) {
    case 'hostname':
      return (facts.hostname.split('.')[0] ?? '').length;
    case 'fqdn':
    case 'reverse-fqdn':
      return facts.hostname.length + DOMAIN_ALLOWANCE;
    case 'user':
      return Array.from(facts.user).length;
    case 'now':
    case 'utcnow':
      return part.format === undefined ? DEFAULT_TIME_LENGTH : strftimeLength(part.format);
    default:
      // Unknown placeholders are refused by the callers' own rules; count them generously here.
      return FIXED_LENGTHS[part.placeholder] ?? 64;
  }
}

// Longest output of each strftime code in borg's C.UTF-8 locale (English names), grouped by length.
const STRFTIME_BY_LENGTH: Readonly<Record<number, string>> = {
  1: 'ntuw%',
  2: 'CdegHIklmMpSUVWy',
  3: 'abhj',
  4: 'GY',
  5: 'R',
  6: 'f',
  8: 'DTxX',
  9: 'AB',
  10: 'F',
  11: 'rs',
  15: 'z',
  24: 'c',
  32: 'Z',
};
const STRFTIME_LENGTHS = new Map(
  Object.entries(STRFTIME_BY_LENGTH).flatMap(([length, codes]) =>
    Array.from(codes, (code) => [code, Number(length)] as const),
  ),
);

function strftimeLength(format: string): number {
  let total = 0;
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%') {
      total++;
      continue;
    }
    // glibc flags such as %-d or %_H do not make a value longer.
    while ('-_0^#'.includes(format[i + 1] ?? 'x')) i++;
    total += STRFTIME_LENGTHS.get(format[i + 1] ?? '') ?? 32;
    i++;
  }
  return total;
}
