/** What the core does with plans: create one from a draft, find prefix clashes, build its pattern rules. */
import { uniqueArchivePrefix } from '../../model/archive-name.js';
import { expandPresets, type PresetContext } from '../../model/exclude-presets.js';
import type { PatternRules } from '../../model/pattern-rules.js';
import { planDraftSchema, planSchema, type Plan, type PlanDraft } from '../../model/plan.js';

/**
 * A new plan from a draft: validates it, applies defaults, and picks an archive prefix no plan in
 * `takenPrefixes` uses (pass the prefixes of every plan that shares a repository with this one).
 */
export function createPlan(draft: PlanDraft, id: string, takenPrefixes: Iterable<string>): Plan {
  const valid = planDraftSchema.parse(draft);
  return planSchema.parse({ ...valid, id, archivePrefix: uniqueArchivePrefix(valid.name, takenPrefixes) });
}

/** The repositories a plan backs up to. */
export function planRepoIds(plan: Plan): string[] {
  return plan.targets.map((t) => t.repoId);
}

/** Plans that share a repository and an archive prefix (prune of one would delete the other's archives). */
export function findPrefixClashes(plans: readonly Plan[]): [string, string][] {
  const clashes: [string, string][] = [];
  plans.forEach((a, i) => {
    for (const b of plans.slice(i + 1)) {
      const shared = a.targets.some((t) => b.targets.some((u) => u.repoId === t.repoId));
      if (shared && a.archivePrefix === b.archivePrefix) clashes.push([a.id, b.id]);
    }
  });
  return clashes;
}

/** The plan's rules for the pattern tester and `borg create`: presets, then the user's excludes. */
export function planPatternRules(plan: Plan, ctx: PresetContext): PatternRules {
  return {
    excludes: [...expandPresets(plan.presets, ctx), ...plan.excludes],
    patterns: plan.patterns,
    roots: plan.sourcePaths.map((p) => expandHome(p, ctx.homeDir)),
  };
}

/** `~` and `~/x` in the user's home folder; other paths unchanged. */
export function expandHome(p: string, homeDir: string): string {
  const home = homeDir.replace(/\/+$/, '');
  if (p === '~') return home;
  return p.startsWith('~/') ? `${home}/${p.slice(2)}` : p;
}
