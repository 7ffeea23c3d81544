/**
 * Writes the plans export file (see model/plan-transfer.ts): every plan with the repositories it
 * backs up to, by location. No secret enters it: passphrases are never in a plan or repository
 * record, and a passcommand is the command line only (what it prints is never read here).
 */
import type { Plan } from '../../model/plan.js';
import {
  PLAN_EXPORT_FORMAT,
  PLAN_EXPORT_VERSION,
  type ExportedRepository,
  type PlanExport,
} from '../../model/plan-transfer.js';
import type { StoredRepository } from '../repositories/repository-registry.js';

/** The export of `plans` (and of the repositories they name) as of `now`, as a JSON document. */
export function buildPlanExport(
  plans: readonly Plan[],
  repositories: readonly StoredRepository[],
  now: Date,
): PlanExport {
  const used = new Set(plans.flatMap((p) => p.targets.map((t) => t.repoId)));
  const keyOf = new Map<string, string>();
  const exported: ExportedRepository[] = [];
  for (const repo of repositories) {
    if (!used.has(repo.id)) continue;
    const key = `repo-${exported.length + 1}`;
    keyOf.set(repo.id, key);
    exported.push({
      key,
      name: repo.name,
      location: repo.location,
      ...(repo.encryption === undefined ? {} : { encryption: repo.encryption }),
      ...(repo.passcommand === undefined ? {} : { passcommand: repo.passcommand }),
      ...(repo.sshKey === undefined ? {} : { sshKey: repo.sshKey }),
    });
  }
  return {
    format: PLAN_EXPORT_FORMAT,
    version: PLAN_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    repositories: exported,
    plans: plans.map((plan) => {
      // The id is this computer's; every other field (including ones added later) travels — except
      // the monitoring addresses: a ping URL or ntfy topic is a token, and the file is never a secret.
      const { id: _id, targets, monitoring: _monitoring, ...fields } = plan;
      return {
        ...fields,
        targets: targets.flatMap((t) => {
          const key = keyOf.get(t.repoId);
          return key === undefined ? [] : [{ repository: key, schedule: t.schedule }];
        }),
      };
    }),
  };
}

/** The export as the text of a file: indented JSON with a final newline. */
export function planExportText(doc: PlanExport): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
