/** The request handlers for moving plans (plans:export, plans:preview-import, plans:import). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { planTransferRequests } from '../../ipc/contract/plans.js';
import type { Plan } from '../../model/plan.js';
import { AppError } from '../app-error.js';
import type { PlanSchedule } from '../plan-runs/plan-schedule.js';
import type { PlanStore } from '../plan-runs/plan-store.js';
import type { RepositoryRegistry } from '../repositories/repository-registry.js';
import type { RepositoryService } from '../repositories/repository-service.js';
import { applyImport } from './apply-import.js';
import { buildPlanExport, planExportText } from './export.js';
import { planImport } from './import-preview.js';

/** What the handlers are built from. */
export interface PlanTransferDeps {
  readonly plans: PlanStore;
  readonly registry: RepositoryRegistry;
  readonly repos: RepositoryService;
  readonly schedule: PlanSchedule;
  readonly homeDir: string;
  readonly now: () => number;
  readonly onPlansChanged: (plans: Plan[]) => void;
}

/** One handler per plan transfer request. */
export function planTransferHandlers(deps: PlanTransferDeps): HandlersFor<typeof planTransferRequests> {
  return {
    'plans:export': async ({ planIds }) => {
      const plans = deps.plans.list().filter((p) => planIds === undefined || planIds.includes(p.id));
      if (plans.length === 0)
        throw new AppError('InvalidInput', 'There is no plan to export yet.', 'Create a plan first.', {
          reason: 'planExportYet',
        });
      const at = new Date(deps.now());
      const text = planExportText(buildPlanExport(plans, deps.registry.list(), at));
      return { text, fileName: `borgdesk-plans-${at.toISOString().slice(0, 10)}.json`, plans: plans.length };
    },
    'plans:preview-import': async (request) =>
      planImport(request, {
        repositories: deps.registry.list(),
        plans: deps.plans.list(),
        homeDir: deps.homeDir,
      }).preview,
    'plans:import': async ({ planKeys, ...request }) => {
      const result = await applyImport(request, planKeys, deps);
      if (result.repositoriesAdded > 0) deps.repos.announceChange();
      deps.schedule.refresh();
      deps.onPlansChanged(deps.plans.list());
      return result;
    },
  };
}
