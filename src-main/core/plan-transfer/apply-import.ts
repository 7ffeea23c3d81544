/**
 * Carries out an import the user previewed: works the plan out again against Borgdesk's state now
 * (a repository added meanwhile is then mapped, not duplicated), registers the repositories the
 * chosen plans need without running borg (locked until unlocked), then creates the chosen plans.
 * Nothing is kept when the file cannot be read, or when writing a plan fails (what was added is taken back).
 */
import { randomUUID } from 'node:crypto';
import { uniqueArchivePrefix } from '../../model/archive-name.js';
import { planDraftSchema, planSchema, type Plan } from '../../model/plan.js';
import type { ImportRequest, ImportResult } from '../../model/plan-transfer.js';
import { AppError } from '../app-error.js';
import type { PlanStore } from '../plan-runs/plan-store.js';
import type { RepositoryRegistry } from '../repositories/repository-registry.js';
import { planImport, type ImportContext, type PlanAction } from './import-preview.js';

/** What applying needs: where repositories and plans are stored. */
export interface ApplyImportDeps {
  readonly registry: RepositoryRegistry;
  readonly plans: Pick<PlanStore, 'list' | 'put' | 'remove'>;
  readonly homeDir: string;
  readonly fileExists?: ImportContext['fileExists'];
}

/** Imports the plans of `request` named in `planKeys` (all importable ones when absent). */
export async function applyImport(
  request: ImportRequest,
  planKeys: readonly string[] | undefined,
  deps: ApplyImportDeps,
): Promise<ImportResult> {
  const work = planImport(request, {
    repositories: deps.registry.list(),
    plans: deps.plans.list(),
    homeDir: deps.homeDir,
    ...(deps.fileExists === undefined ? {} : { fileExists: deps.fileExists }),
  });
  const chosen = work.plans.filter((p) => planKeys === undefined || planKeys.includes(p.key));
  const unknown = (planKeys ?? []).filter((k) => !work.plans.some((p) => p.key === k));
  if (unknown.length > 0 || chosen.length === 0)
    throw new AppError(
      'InvalidInput',
      unknown.length > 0 ? 'The file changed since the preview.' : 'No plan of this file can be imported.',
      'Open the file again to see what can be imported.',
      { reason: unknown.length > 0 ? 'fileChanged' : 'nothingToImport' },
    );
  const repoIdOf = new Map<string, string>();
  const added: string[] = [];
  const created: Plan[] = [];
  try {
    for (const key of new Set(chosen.flatMap((p) => p.draft.targets.map((t) => t.repoId)))) {
      const action = work.repositories.get(key);
      if (action?.kind === 'existing') repoIdOf.set(key, action.repoId);
      if (action?.kind !== 'add') continue;
      // Between the preview and now the same location may have been added: use that one.
      const already = deps.registry.findByLocation(action.repository.location);
      const stored = already ?? (await deps.registry.add(action.repository));
      if (already === undefined) added.push(stored.id);
      repoIdOf.set(key, stored.id);
    }
    for (const action of chosen) created.push(await createImported(action, repoIdOf, created, deps));
  } catch (e) {
    // A plans file that cannot be written (read-only, disk full) must not leave half an import
    // behind: take back what this import added, then report the failure.
    for (const plan of created) await deps.plans.remove(plan.id).catch(() => false);
    for (const id of added) await deps.registry.remove(id).catch(() => false);
    throw e;
  }
  return { plans: created.map((p) => ({ id: p.id, name: p.name })), repositoriesAdded: added.length };
}

async function createImported(
  action: PlanAction,
  repoIdOf: ReadonlyMap<string, string>,
  created: readonly Plan[],
  deps: ApplyImportDeps,
): Promise<Plan> {
  const targets = action.draft.targets.flatMap((t) => {
    const repoId = repoIdOf.get(t.repoId);
    return repoId === undefined ? [] : [{ ...t, repoId }];
  });
  const draft = planDraftSchema.parse({ ...action.draft, targets });
  const repoIds = new Set(targets.map((t) => t.repoId));
  const taken = [...deps.plans.list(), ...created]
    .filter((p) => p.targets.some((t) => repoIds.has(t.repoId)))
    .map((p) => p.archivePrefix);
  const archivePrefix =
    action.archivePrefix !== undefined && !taken.includes(action.archivePrefix)
      ? action.archivePrefix
      : uniqueArchivePrefix(draft.name, taken);
  const plan = planSchema.parse({ ...draft, id: randomUUID(), archivePrefix });
  await deps.plans.put(plan);
  return plan;
}
