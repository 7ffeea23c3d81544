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
  parsePatternRules,
  toArchivePath,
  type ParsedRule,
  type PathTestResult,
  type PatternRules,
} from '../../model/pattern-rules.js';

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
      { reason: 'pattern', params: { rule: error.rule, message: error.message } },
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
