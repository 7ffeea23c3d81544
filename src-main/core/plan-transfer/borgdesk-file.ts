/** Reads a Borgdesk plans export file (see model/plan-transfer.ts) into an ImportedSet. */
import { PLAN_EXPORT_FORMAT, PLAN_EXPORT_VERSION, planExportSchema } from '../../model/plan-transfer.js';
import { AppError } from '../app-error.js';
import type { ImportedSet } from './imported-set.js';

/** True when parsed JSON says it is a Borgdesk plans file (whatever its version). */
export function looksLikeBorgdesk(data: unknown): boolean {
  return (
    typeof data === 'object' && data !== null && (data as { format?: unknown }).format === PLAN_EXPORT_FORMAT
  );
}

/**
 * The file's plans and repositories; a file from a newer Borgdesk or a damaged one is refused
 * with a plain message (nothing is guessed from a format this version does not know).
 */
export function readBorgdeskExport(data: unknown): ImportedSet {
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > PLAN_EXPORT_VERSION)
    throw new AppError(
      'InvalidInput',
      `This file was exported by a newer Borgdesk (format version ${version}); this one reads version ${PLAN_EXPORT_VERSION}.`,
      'Update Borgdesk, then import the file again.',
      { reason: 'fileExportedNewerBorgdesk', params: { version, PLAN_EXPORT_VERSION } },
    );
  const parsed = planExportSchema.safeParse(data);
  if (!parsed.success)
    throw new AppError(
      'InvalidInput',
      'This Borgdesk plans file is damaged: some of its entries cannot be read.',
      'Export the plans again on the other computer and import the new file.',
      { reason: 'borgdeskPlansFileDamaged' },
    );
  const keys = new Set(parsed.data.repositories.map((r) => r.key));
  return {
    source: 'borgdesk',
    repositories: parsed.data.repositories.map((r) => ({ ...r, notes: [] })),
    plans: parsed.data.plans.map((p, i) => {
      const { name, archivePrefix, targets, ...fields } = p;
      const missing = targets.filter((t) => !keys.has(t.repository)).length;
      return {
        key: `plan-${i + 1}`,
        name,
        archivePrefix,
        targets: targets
          .filter((t) => keys.has(t.repository))
          .map((t) => ({ repositoryKey: t.repository, schedule: t.schedule })),
        fields,
        notMapped: missing === 0 ? [] : [`${missing} of its repositories are missing from the file.`],
      };
    }),
    notMapped: [],
  };
}
