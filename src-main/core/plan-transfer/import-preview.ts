/**
 * What an import would create, worked out without borg and without changing anything: the file is
 * read (Borgdesk, Vorta or borgmatic), each repository is matched with one already added at the
 * same (normalised) location or marked "will be added", name clashes get " (imported)", and each
 * plan is validated as a draft. apply-import.ts works the same plan out again and carries it out.
 */
import { existsSync } from 'node:fs';
import { archivePrefixSchema } from '../../model/archive-name.js';
import { planDraftSchema, type Plan, type PlanDraft } from '../../model/plan.js';
import type {
  ImportedPlanPreview,
  ImportedRepositoryPreview,
  ImportPreview,
  ImportRequest,
} from '../../model/plan-transfer.js';
import { AppError } from '../app-error.js';
import { normalizeLocation } from '../repositories/location.js';
import type { NewRepository, StoredRepository } from '../repositories/repository-registry.js';
import { describePlanFields, droppedFieldNotes, plainDraftProblem } from './import-wording.js';
import { uniqueName, type ImportedRepository, type ImportedSet } from './imported-set.js';
import { readImportFile } from './read-import-file.js';

/** What the preview reads besides the file: Borgdesk's current repositories and plans. */
export interface ImportContext {
  readonly repositories: readonly StoredRepository[];
  readonly plans: readonly Plan[];
  readonly homeDir: string;
  /** Whether a file exists here (an exported ssh key path); default: the real file system. */
  readonly fileExists?: (path: string) => boolean;
}

/** What happens to one file repository: mapped to `repoId`, added as `add`, or unusable. */
export type RepositoryAction =
  | { readonly kind: 'existing'; readonly repoId: string }
  | { readonly kind: 'add'; readonly repository: NewRepository }
  | { readonly kind: 'unusable' };

/** One plan ready to create: its draft names file repository keys as repoIds until applied. */
export interface PlanAction {
  readonly key: string;
  readonly draft: PlanDraft;
  readonly archivePrefix?: string | undefined;
}

/** The preview the user sees and the actions behind it. */
export interface ImportPlan {
  readonly preview: ImportPreview;
  readonly repositories: ReadonlyMap<string, RepositoryAction>;
  readonly plans: readonly PlanAction[];
}

/** Reads `request.text` and works out the import; a file that cannot be read throws InvalidInput. */
export function planImport(request: ImportRequest, ctx: ImportContext): ImportPlan {
  const set = readImportFile(request);
  const repos = previewRepositories(set, ctx);
  const takenNames = new Set(ctx.plans.map((p) => p.name));
  const plans: PlanAction[] = [];
  const planPreviews: ImportedPlanPreview[] = [];
  for (const imported of set.plans) {
    const name = uniqueName(imported.name.trim().slice(0, 80), takenNames);
    takenNames.add(name);
    const notMapped = [...imported.notMapped];
    const targets = imported.targets.filter((t) => {
      const usable = repos.actions.get(t.repositoryKey)?.kind !== 'unusable';
      if (!usable)
        notMapped.push(
          'One of its repositories has a location Borgdesk cannot use: that target was left out.',
        );
      return usable;
    });
    const raw = {
      ...imported.fields,
      name,
      targets: targets.map((t) => ({ repoId: t.repositoryKey, schedule: t.schedule })),
    };
    const parsed = planDraftSchema.safeParse(raw);
    notMapped.push(...(parsed.success ? droppedFieldNotes(imported.fields, parsed.data) : []));
    const archivePrefix = keptPrefix(imported.archivePrefix, targets, repos.actions, ctx, plans, notMapped);
    if (parsed.success) plans.push({ key: imported.key, draft: parsed.data, archivePrefix });
    planPreviews.push({
      key: imported.key,
      name,
      originalName: imported.name,
      targets: targets.map((t) => ({ repositoryKey: t.repositoryKey, schedule: t.schedule })),
      sourcePaths: stringArray(imported.fields['sourcePaths']),
      carried: parsed.success ? describePlanFields(parsed.data) : [],
      notMapped,
      ...(parsed.success ? {} : { problem: plainDraftProblem(parsed.error) }),
    });
  }
  return {
    preview: {
      source: set.source,
      repositories: repos.previews,
      plans: planPreviews,
      notMapped: [...set.notMapped],
    },
    repositories: repos.actions,
    plans,
  };
}

function previewRepositories(
  set: ImportedSet,
  ctx: ImportContext,
): { previews: ImportedRepositoryPreview[]; actions: Map<string, RepositoryAction> } {
  const fileExists = ctx.fileExists ?? existsSync;
  const takenNames = new Set(ctx.repositories.map((r) => r.name));
  const addedAt = new Map<string, string>();
  const actions = new Map<string, RepositoryAction>();
  const previews: ImportedRepositoryPreview[] = [];
  for (const imported of set.repositories) {
    const location = locationOrUndefined(imported.location, ctx.homeDir);
    const notes = [...imported.notes];
    const existing =
      location === undefined ? undefined : ctx.repositories.find((r) => r.location === location);
    const sameFileKey = location === undefined ? undefined : addedAt.get(location);
    if (location === undefined) {
      actions.set(imported.key, { kind: 'unusable' });
      notes.unshift('Borgdesk cannot use this location: it is left out.');
      previews.push({ ...base(imported), action: 'add', locked: true, notes });
    } else if (existing !== undefined) {
      actions.set(imported.key, { kind: 'existing', repoId: existing.id });
      previews.push({
        ...base(imported),
        location,
        action: 'existing',
        existingName: existing.name,
        locked: false,
        notes,
      });
    } else if (sameFileKey !== undefined) {
      actions.set(imported.key, actions.get(sameFileKey) ?? { kind: 'unusable' });
      previews.push({
        ...base(imported),
        location,
        action: 'add',
        locked: true,
        notes: ['Listed twice in the file: added once.'],
      });
    } else {
      const name = uniqueName(imported.name.trim() === '' ? location : imported.name.trim(), takenNames);
      takenNames.add(name);
      addedAt.set(location, imported.key);
      const repository = newRepository(imported, name, location, fileExists, notes);
      actions.set(imported.key, { kind: 'add', repository });
      previews.push({
        ...base(imported),
        name,
        location,
        action: 'add',
        // A passcommand gives borg the passphrase: such a repository runs without being unlocked.
        locked: repository.needsPassphrase && repository.passcommand === undefined,
        notes,
      });
    }
  }
  return { previews, actions };
}

// Registered without borg (it may be offline now): locked until the user unlocks it, unless the
// file says it is not encrypted. Borg's own checks run on the first unlock or backup.
function newRepository(
  imported: ImportedRepository,
  name: string,
  location: string,
  fileExists: (path: string) => boolean,
  notes: string[],
): NewRepository {
  const needsPassphrase = imported.encryption !== 'none';
  if (imported.passcommand !== undefined)
    notes.push(`Gets its passphrase from the command: ${imported.passcommand}`);
  else if (imported.encryption === undefined)
    notes.push('Its encryption is not known yet: unlock it with its passphrase before the first backup.');
  else if (needsPassphrase) notes.push('Unlock it with its passphrase before the first backup.');
  let sshKey = imported.sshKey;
  if (sshKey !== undefined && !fileExists(sshKey)) {
    notes.push(`The SSH key ${sshKey} is not on this computer: choose a key in the repository's settings.`);
    sshKey = undefined;
  }
  return {
    name,
    location,
    needsPassphrase,
    ...(imported.encryption === undefined ? {} : { encryption: imported.encryption }),
    ...(imported.passcommand === undefined ? {} : { passcommand: imported.passcommand }),
    ...(sshKey === undefined ? {} : { sshKey }),
  };
}

// A Borgdesk export's prefix is kept so the plan prunes the archives it made before, unless another
// plan on one of the same repositories uses it (prune would then delete that plan's archives).
function keptPrefix(
  prefix: string | undefined,
  targets: readonly { readonly repositoryKey: string }[],
  actions: ReadonlyMap<string, RepositoryAction>,
  ctx: ImportContext,
  earlier: readonly PlanAction[],
  notMapped: string[],
): string | undefined {
  if (prefix === undefined || !archivePrefixSchema.safeParse(prefix).success) return undefined;
  const repoIds = new Set(
    targets
      .map((t) => actions.get(t.repositoryKey))
      .flatMap((a) => (a?.kind === 'existing' ? [a.repoId] : [])),
  );
  const keys = new Set(targets.map((t) => t.repositoryKey));
  const clash =
    ctx.plans.some((p) => p.archivePrefix === prefix && p.targets.some((t) => repoIds.has(t.repoId))) ||
    earlier.some((p) => p.archivePrefix === prefix && p.draft.targets.some((t) => keys.has(t.repoId)));
  if (!clash) return prefix;
  notMapped.push(
    `Another plan here already names its archives "${prefix}-…": this plan gets a new name prefix, so it will not prune the archives it made before.`,
  );
  return undefined;
}

function locationOrUndefined(location: string, homeDir: string): string | undefined {
  try {
    return normalizeLocation(location, homeDir);
  } catch (e) {
    if (e instanceof AppError) return undefined;
    throw e;
  }
}

function base(r: ImportedRepository): { key: string; name: string; location: string } {
  return { key: r.key, name: r.name, location: r.location };
}

function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? (v as unknown[]).filter((s): s is string => typeof s === 'string') : [];
}
