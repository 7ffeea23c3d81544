/**
 * The exclusion tester: says whether `borg create` would skip a path, and which rule decided it.
 *
 * It mirrors borg 1.2 (`borg help patterns`, borg/patterns.py and the create walk):
 * - `--pattern` lines (`+` include, `-` exclude, `!` exclude and do not descend, `R` root, `P` default
 *   style; default style sh:) and `--exclude` patterns (default style fm:, never descended) form one
 *   ordered list: the first rule that matches decides. Borgdesk always passes the `--pattern`s
 *   before the `--exclude`s (see `borgPatternArgs`), so includes can carve paths out of excludes.
 * - `pf:` rules are looked up before every ordered rule, whatever their position (borg keeps them
 *   in a hash table); if one path is listed twice, the later rule wins.
 * - A path nobody matches is included.
 * - A path inside a directory that an exclude-and-do-not-descend rule matched is never visited,
 *   so it is excluded by that rule even when the path itself matches nothing.
 * Blank lines and lines starting with `#` are ignored, and lines are trimmed, as borg does for
 * --exclude-from / --patterns-from files.
 * Not simulated: --exclude-caches / --exclude-if-present (they depend on files on disk) and macOS's
 * Unicode normalisation of paths.
 */
import { AppError } from '../app-error.js';
import {
  compilePattern,
  isPatternStyle,
  normpath,
  PATTERN_STYLES,
  PatternSyntaxError,
  splitStyle,
  stripLeadingSlashes,
  type CompiledPattern,
  type PatternStyle,
} from './pattern-styles.js';

/** A plan's exclusion rules as the user wrote them. */
export interface PatternRules {
  /** `--exclude` patterns (default style fm:). */
  readonly excludes: readonly string[];
  /** `--pattern` lines: `+`, `-`, `!`, `R`, `P`. */
  readonly patterns: readonly string[];
  /** Recursion roots, e.g. the plan's source folders (absolute, `~` already expanded). */
  readonly roots?: readonly string[];
}

/** What a matching rule does. */
export type RuleAction = 'include' | 'exclude' | 'exclude-norecurse';

/** One usable rule, compiled. */
export interface ParsedRule {
  readonly list: 'excludes' | 'patterns';
  readonly index: number;
  /** The rule as written (trimmed), shown to the user. */
  readonly text: string;
  readonly action: RuleAction;
  readonly style: PatternStyle;
  /** The same rule with its style made explicit, ready for `--pattern=` / `--exclude=`. */
  readonly argument: string;
  readonly pattern: CompiledPattern;
}

/** A rule borg would reject (error) or that likely does not do what was meant (warning). */
export interface PatternProblem {
  readonly list: 'excludes' | 'patterns';
  readonly index: number;
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** The tester's answer. */
export interface PathTestResult {
  readonly excluded: boolean;
  /** The rule that decided, as written; absent when no rule matched (then the path is included). */
  readonly rule?: string;
  /** When the deciding rule matched a parent directory rather than the path itself: that directory. */
  readonly matchedPath?: string;
  /** The path as borg matches it: normalised, no leading slash. */
  readonly archivePath: string;
  /** True when roots are known and the path is under none of them (so it is never backed up). */
  readonly outsideRoots?: boolean;
}

/** Parse and compile every rule; never throws, invalid rules are reported in `problems`. */
export function parsePatternRules(input: PatternRules): {
  rules: ParsedRule[];
  roots: string[];
  problems: PatternProblem[];
  /** The usable `--pattern` lines in order, styles made explicit, `P` lines folded in. */
  patternArgs: string[];
} {
  const rules: ParsedRule[] = [];
  const patternArgs: string[] = [];
  const roots = (input.roots ?? []).map(toArchivePath);
  const problems: PatternProblem[] = [];
  let fallback: PatternStyle = 'sh';
  input.patterns.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const problem = (message: string, severity: 'error' | 'warning' = 'error') =>
      problems.push({ list: 'patterns', index, rule: text, severity, message });
    const command = text[0] as string;
    const value = text.slice(1).trimStart();
    if (!'+-!RrPp'.includes(command)) {
      problem('A pattern line starts with + (include), - (exclude), ! (exclude, do not descend), R or P.');
    } else if (value === '') {
      problem(`"${command}" needs a value after it.`);
    } else if (command === 'R' || command === 'r') {
      roots.push(toArchivePath(value));
      patternArgs.push(`R ${value}`);
    } else if (command === 'P' || command === 'p') {
      if (isPatternStyle(value)) fallback = value;
      else problem(`Unknown pattern style "${value}". Use one of ${PATTERN_STYLES.join(', ')}.`);
    } else {
      const action: RuleAction =
        command === '+' ? 'include' : command === '-' ? 'exclude' : 'exclude-norecurse';
      const compiled = compileRule(value, fallback, problem);
      if (compiled !== undefined) {
        const argument = `${command} ${compiled.explicit}`;
        rules.push({ list: 'patterns', index, text, action, argument, ...compiled.rule });
        patternArgs.push(argument);
      }
    }
  });
  input.excludes.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    const problem = (message: string, severity: 'error' | 'warning' = 'error') =>
      problems.push({ list: 'excludes', index, rule: text, severity, message });
    const compiled = compileRule(text, 'fm', problem);
    if (compiled !== undefined) {
      rules.push({
        list: 'excludes',
        index,
        text,
        action: 'exclude-norecurse',
        argument: text,
        ...compiled.rule,
      });
    }
  });
  return { rules, roots, problems, patternArgs };
}

function compileRule(
  value: string,
  fallback: PatternStyle,
  problem: (message: string, severity?: 'error' | 'warning') => void,
): { rule: { style: PatternStyle; pattern: CompiledPattern }; explicit: string } | undefined {
  try {
    const { style, body } = splitStyle(value, fallback);
    const pattern = compilePattern(style, body);
    if (body.startsWith('~'))
      problem('borg does not expand "~": write the full path, e.g. /home/you/…', 'warning');
    if (style === 're' && body.startsWith('^/')) {
      problem('borg matches paths without a leading "/", so "^/" never matches: write "^home/…".', 'warning');
    }
    if (style === 'fm' && body.includes('**')) {
      problem('In fm: style "**" is the same as "*" (it already crosses "/"); use sh: for "**/".', 'warning');
    }
    // Pattern lines lose a P default when passed one by one as --pattern, so name the style.
    const explicit = value === body && style !== 'sh' ? `${style}:${body}` : value;
    return { rule: { style, pattern }, explicit };
  } catch (e) {
    if (e instanceof PatternSyntaxError) {
      problem(e.message);
      return undefined;
    }
    throw e;
  }
}

/** Errors and warnings for every rule, for the plan editor. */
export function checkPatternRules(input: PatternRules): PatternProblem[] {
  return parsePatternRules(input).problems;
}

/** Whether `borg create` would exclude `path`, and the rule that decided. Throws AppError for invalid rules. */
export function testPath(path: string, input: PatternRules): PathTestResult {
  const { rules, roots } = usableRules(input);
  const archivePath = toArchivePath(path);
  const containing = roots.filter((r) => r === '' || archivePath === r || archivePath.startsWith(`${r}/`));
  if (roots.length > 0 && containing.length === 0) return { excluded: true, archivePath, outsideRoots: true };
  let first: PathTestResult | undefined;
  // A path reachable from several (overlapping) roots is backed up if any walk keeps it.
  for (const root of containing.length > 0 ? containing : ['']) {
    const result = walk(archivePath, root, rules);
    if (!result.excluded) return result;
    first ??= result;
  }
  return first ?? { excluded: false, archivePath };
}

/** `--pattern=…` then `--exclude=…` arguments for `borg create`, in the order the tester assumes. */
export function borgPatternArgs(input: PatternRules): string[] {
  const { rules, parsed } = usableRules(input);
  return parsed.patternArgs
    .map((line) => `--pattern=${line}`)
    .concat(rules.filter((r) => r.list === 'excludes').map((r) => `--exclude=${r.argument}`));
}

function usableRules(input: PatternRules) {
  const parsed = parsePatternRules(input);
  const error = parsed.problems.find((p) => p.severity === 'error');
  if (error !== undefined) {
    throw new AppError(
      'InvalidInput',
      `Pattern "${error.rule}": ${error.message}`,
      'Fix or remove that rule.',
    );
  }
  return { rules: parsed.rules, roots: parsed.roots, parsed };
}

function walk(archivePath: string, root: string, rules: readonly ParsedRule[]): PathTestResult {
  // The directories borg visits on the way down: the root itself, then each deeper one.
  const chain: string[] = root === '' ? [] : [root];
  const tail = root === '' ? archivePath : archivePath.slice(root.length + 1);
  let current = root;
  for (const part of tail === '' ? [] : tail.split('/')) {
    current = current === '' ? part : `${current}/${part}`;
    chain.push(current);
  }
  for (const dir of chain.slice(0, -1)) {
    const rule = decide(dir, rules);
    if (rule?.action === 'exclude-norecurse')
      return { excluded: true, rule: rule.text, matchedPath: dir, archivePath };
  }
  const rule = decide(archivePath, rules);
  if (rule === undefined) return { excluded: false, archivePath };
  return { excluded: rule.action !== 'include', rule: rule.text, archivePath };
}

function decide(path: string, rules: readonly ParsedRule[]): ParsedRule | undefined {
  let full: ParsedRule | undefined;
  for (const r of rules) if (r.pattern.fullPath === path) full = r;
  return full ?? rules.find((r) => r.pattern.fullPath === undefined && r.pattern.matches(path));
}

/** A filesystem path as borg matches it: normalised, without leading slashes ('' for /). */
export function toArchivePath(path: string): string {
  const normal = stripLeadingSlashes(normpath(path));
  return normal === '.' ? '' : normal;
}
