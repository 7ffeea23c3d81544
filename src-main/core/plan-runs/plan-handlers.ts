/** The request handlers of the plans domain (see ipc/contract/plans.ts): save, delete, run, test rules, preview prune. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { runPrune } from '../../borg/commands/prune.js';
import type { BorgContext } from '../../borg/exec.js';
import type { HandlersFor } from '../../ipc/contract.js';
import type { planRequests } from '../../ipc/contract/plans.js';
import { AppError } from '../app-error.js';
import { archiveGlob } from '../../model/archive-name.js';
import { excludePresetIdSchema, expandPresets } from '../../model/exclude-presets.js';
import { testPath } from '../plans/patterns.js';
import { createPlan, expandHome, planPatternRules } from '../plans/plan.js';
import { planSchema, type Plan, type PlanDraft } from '../../model/plan.js';
import { pruneKeepArgs } from '../../model/retention.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import type { PlanRunner } from './plan-runner.js';
import type { PlanSchedule } from './plan-schedule.js';
import type { PlanStore } from './plan-store.js';

/** What the handlers are built from. */
export interface PlanHandlerDeps {
  readonly store: PlanStore;
  readonly runner: PlanRunner;
  readonly schedule: PlanSchedule;
  readonly repos: RepositoryService;
  readonly homeDir: string;
  readonly platform: string;
  readonly runInLane: <T>(repoId: string, task: () => Promise<T>) => Promise<T>;
  readonly resolve: (repoId: string) => Promise<{ location: string; ctx: BorgContext }>;
  readonly onPlansChanged: (plans: Plan[]) => void;
}

/** One handler per plan request. */
export function planHandlers(deps: PlanHandlerDeps): HandlersFor<typeof planRequests> {
  const { store, schedule, repos } = deps;
  const changed = () => {
    schedule.refresh();
    deps.onPlansChanged(store.list());
  };
  const presetCtx = { homeDir: deps.homeDir, platform: deps.platform };
  return {
    'plans:list': async () => store.list(),
    'plans:save': async ({ id, draft }) => {
      for (const t of draft.targets) repos.require(t.repoId);
      const plan = id === undefined ? newPlan(draft, store.list()) : updatedPlan(id, draft, store);
      await store.put(plan);
      changed();
      return plan;
    },
    'plans:delete': async ({ planId }) => {
      const deleted = await store.remove(planId);
      if (deleted) changed();
      return { deleted };
    },
    'plans:run-now': async ({ planId, repoId }) => ({ jobIds: deps.runner.runNow(planId, repoId) }),
    'plans:test-path': async ({ planId, rules, path }) => {
      let input;
      if (planId !== undefined) {
        const plan = store.get(planId);
        if (plan === undefined)
          throw new AppError('NotFound', 'That plan no longer exists.', undefined, {
            reason: 'planLongerExists',
          });
        input = planPatternRules(plan, presetCtx);
      } else if (rules !== undefined) {
        const presets = (rules.presets ?? []).filter((p) => excludePresetIdSchema.safeParse(p).success);
        input = {
          excludes: [...expandPresets(presets as Plan['presets'], presetCtx), ...rules.excludes],
          patterns: rules.patterns,
          roots: (rules.sourcePaths ?? []).map((p) => expandHome(p, deps.homeDir)),
        };
      } else {
        throw new AppError('InvalidInput', 'Name a plan or give the rules to test.', undefined, {
          reason: 'namePlanGiveRules',
        });
      }
      const result = testPath(expandHome(path.trim(), deps.homeDir), input);
      return { ...result };
    },
    'plans:preview-prune': async ({ repoId, planId, glob, retention }) => {
      const plan = planId === undefined ? undefined : store.get(planId);
      if (planId !== undefined && plan === undefined)
        throw new AppError('NotFound', 'That plan no longer exists.', undefined, {
          reason: 'planLongerExists',
        });
      const limit = plan === undefined ? glob : archiveGlob(plan);
      if (limit === undefined)
        throw new AppError('InvalidInput', 'Name a plan (or an archive glob) to preview.', undefined, {
          reason: 'namePlanArchiveGlob',
        });
      return deps.runInLane(repoId, async () => {
        const { location, ctx } = await deps.resolve(repoId);
        const outcome = await runPrune(
          { location, glob: limit, keep: pruneKeepArgs(retention), dryRun: true },
          ctx,
        );
        return { kept: outcome.kept, pruned: outcome.pruned };
      });
    },
  };
}

function newPlan(draft: PlanDraft, plans: readonly Plan[]): Plan {
  const repoIds = new Set(draft.targets.map((t) => t.repoId));
  const taken = plans.filter((p) => p.targets.some((t) => repoIds.has(t.repoId))).map((p) => p.archivePrefix);
  return validated(() => createPlan(draft, randomUUID(), taken));
}

// The id and archive prefix stay: renaming a plan must not orphan its archives from pruning.
function updatedPlan(id: string, draft: PlanDraft, store: PlanStore): Plan {
  const existing = store.get(id);
  if (existing === undefined)
    throw new AppError('NotFound', 'That plan no longer exists.', 'Reload the plan list.', {
      reason: 'planGoneReloadList',
    });
  return validated(() => planSchema.parse({ ...draft, id, archivePrefix: existing.archivePrefix }));
}

function validated(build: () => Plan): Plan {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof z.ZodError)) throw e;
    const fields = e.issues.map((i) => `${i.path.join('.') || 'plan'}: ${i.message}`).join('; ');
    throw new AppError(
      'InvalidInput',
      `The plan is not valid: ${fields}`,
      'Correct the fields named and save again.',
      { reason: 'planValid', params: { fields } },
    );
  }
}
