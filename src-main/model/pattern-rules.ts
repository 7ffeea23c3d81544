/**
 * Borg's exclusion rules as the user writes them, parsed and compiled: which rules are usable, which
 * borg would reject (errors) and which likely do not do what was meant (warnings). The plan schema
 * refuses plans with rule errors; core/plans/patterns.ts tests paths against the rules.
 * Blank lines and lines starting with `#` are ignored, and lines are trimmed, as borg does for
 * --exclude-from / --patterns-from files. Pure: imports only the model.
 */
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

/** A filesystem path as borg matches it: normalised, without leading slashes ('' for /). */
export function toArchivePath(path: string): string {
  const normal = stripLeadingSlashes(normpath(path));
  return normal === '.' ? '' : normal;
}
