/**
 * Plans a restore before borg runs: the folder it writes into, where each selected item lands, how
 * many files and bytes that is, and which targets already exist (conflicts). `restore:preview`
 * shows the plan; the restore job plans again right before it starts, because the disk may have
 * changed in between.
 */
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import type { ArchiveEntry } from '../../model/archive.js';
import type { RestorePreview, RestoreRequest } from '../../model/restore.js';
import { AppError } from '../app-error.js';
import {
  collapseSelection,
  CONFLICT_EXAMPLE_LIMIT,
  isInside,
  normalizeArchivePath,
  numberedName,
  PREVIEW_ITEM_LIMIT,
  restoreFolderName,
  strippedPath,
} from './restore-paths.js';

/** The part of an ArchiveTree the planner reads. */
export interface RestoreTree {
  lookup(path: string): ArchiveEntry | undefined;
  walk(paths: readonly string[], visit: (entry: ArchiveEntry) => void): void;
}

/** Everything the planner needs besides the request. */
export interface PlanContext {
  readonly tree: RestoreTree;
  readonly now: Date;
  /** The repository's folder when it is local: nothing may be restored into it. */
  readonly repositoryDir?: string;
  /** How many lstat calls run at once while looking for conflicts. */
  readonly concurrency?: number;
}

/** A computed restore. */
export interface RestorePlan {
  /** The folder borg runs in (`/` for the original place). */
  readonly targetDir: string;
  /** New-folder mode: the folder to create, and its parent and base name for retries. */
  readonly newFolder?: { readonly parent: string; readonly baseName: string };
  /** The selection as archive paths, normalised and without overlaps; empty = whole archive. */
  readonly paths: readonly string[];
  readonly fileCount: number;
  readonly totalBytes: number;
  /** Archive paths whose target already exists (not counting folders onto folders). */
  readonly conflicts: readonly string[];
  /** Bytes of the conflicting files (subtracted when they are skipped). */
  readonly conflictBytes: number;
  readonly conflictFileCount: number;
  /** Target paths of the first conflicts. */
  readonly conflictExamples: readonly string[];
  readonly items: readonly { readonly archivePath: string; readonly targetPath: string }[];
  /** Items inside the selection whose names borg lists alike (restored with their folder, each under its real name). */
  readonly ambiguousCount: number;
}

interface Landing {
  readonly entry: ArchiveEntry;
  readonly targetPath: string;
}

/** Compute the plan; throws InvalidInput for paths not in the archive or a destination that cannot work. */
export async function planRestore(request: RestoreRequest, ctx: PlanContext): Promise<RestorePlan> {
  const paths = collapseSelection(request.paths.map(normalizeArchivePath));
  for (const p of paths) {
    const entry = ctx.tree.lookup(p);
    if (entry === undefined) {
      throw new AppError(
        'InvalidInput',
        `"${p}" is not in archive ${request.archiveName}.`,
        'Reload the archive and pick the items again.',
        { reason: 'archive', params: { p, archiveName: request.archiveName } },
      );
    }
    if (entry.ambiguous === true) throw ambiguousSelection(p);
  }
  const destination = await resolveDestination(request, ctx);
  const landings: Landing[] = [];
  let fileCount = 0;
  let totalBytes = 0;
  let ambiguousCount = 0;
  ctx.tree.walk(paths.length === 0 ? [''] : paths, (entry) => {
    if (entry.path === '') return;
    const relative = strippedPath(entry.path, request.stripComponents);
    if (relative === undefined) return;
    const targetPath = path.join(destination.targetDir, relative);
    if (ctx.repositoryDir !== undefined && isInside(targetPath, ctx.repositoryDir)) throw intoRepository();
    if (entry.ambiguous === true) ambiguousCount++;
    // Counted like ArchiveTree.measure: everything that is not a folder (links too).
    if (entry.type !== 'directory') {
      fileCount++;
      totalBytes += entry.size;
    }
    landings.push({ entry, targetPath });
  });
  const conflicting = destination.fresh ? [] : await findConflicts(landings, ctx.concurrency ?? 16);
  const files = conflicting.filter((l) => l.entry.type !== 'directory');
  const plan: RestorePlan = {
    targetDir: destination.targetDir,
    paths,
    fileCount,
    totalBytes,
    conflicts: conflicting.map((l) => l.entry.path),
    conflictBytes: files.reduce((sum, l) => sum + l.entry.size, 0),
    conflictFileCount: files.length,
    conflictExamples: conflicting.slice(0, CONFLICT_EXAMPLE_LIMIT).map((l) => l.targetPath),
    items: landings
      .slice(0, PREVIEW_ITEM_LIMIT)
      .map((l) => ({ archivePath: l.entry.path, targetPath: l.targetPath })),
    ambiguousCount,
  };
  return destination.newFolder === undefined ? plan : { ...plan, newFolder: destination.newFolder };
}

/** The preview the UI shows for a plan. */
export function toPreview(plan: RestorePlan): RestorePreview {
  return {
    targetDir: plan.targetDir,
    fileCount: plan.fileCount,
    totalBytes: plan.totalBytes,
    conflictCount: plan.conflicts.length,
    conflictExamples: [...plan.conflictExamples],
    items: plan.items.map((i) => ({ ...i })),
    ...(plan.ambiguousCount > 0 ? { ambiguousCount: plan.ambiguousCount } : {}),
  };
}

/**
 * A selected item borg lists under the same name as another one of its folder (each byte of a name
 * that is not valid UTF-8 shows as "?"). A pattern for that name matches both, and borg 1.x offers
 * no way to name the bytes, so Borgdesk refuses rather than restore both (or neither) unasked.
 */
function ambiguousSelection(archivePath: string): AppError {
  const slash = archivePath.lastIndexOf('/');
  const folder = slash < 0 ? 'the whole archive' : `the folder "${archivePath.slice(0, slash)}"`;
  return new AppError(
    'InvalidInput',
    `"${archivePath}" cannot be restored on its own: borg shows another item in its folder under the same name, because each "?" stands for a character that is not valid UTF-8, and it cannot be asked for only one of them.`,
    `Restore ${folder} instead: every item in it comes back under its real name. Or mount the archive, where the real names are shown, and copy the one you need.`,
    { reason: 'restoredBorgShowsAnother', params: { archivePath, folder } },
  );
}

interface Destination {
  readonly targetDir: string;
  /** True when the folder does not exist yet, so nothing in it can conflict. */
  readonly fresh: boolean;
  readonly newFolder?: { readonly parent: string; readonly baseName: string };
}

async function resolveDestination(request: RestoreRequest, ctx: PlanContext): Promise<Destination> {
  if (request.destination.mode === 'original') {
    // Borg stores paths relative to the root folder, so the original place is under "/".
    return { targetDir: '/', fresh: false };
  }
  if (!path.isAbsolute(request.destination.parent)) {
    throw new AppError(
      'InvalidInput',
      `${request.destination.parent} is not a full path.`,
      'Choose the folder to restore into.',
      { reason: 'fullPath', params: { parent: request.destination.parent } },
    );
  }
  const parent = path.resolve(request.destination.parent);
  await requireDirectory(parent);
  if (ctx.repositoryDir !== undefined && isInside(await realpathOr(parent), ctx.repositoryDir))
    throw intoRepository();
  const baseName = restoreFolderName(request.archiveName, ctx.now);
  for (let n = 1; ; n++) {
    const targetDir = path.join(parent, numberedName(baseName, n));
    if (!(await exists(targetDir))) return { targetDir, fresh: true, newFolder: { parent, baseName } };
  }
}

// A folder landing on a folder merges into it; anything else that exists would be replaced.
async function findConflicts(landings: readonly Landing[], concurrency: number): Promise<Landing[]> {
  const flags = new Uint8Array(landings.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < landings.length) {
      const index = next++;
      const landing = landings[index];
      if (landing === undefined) continue;
      const existing = await lstatOrUndefined(landing.targetPath);
      if (existing === undefined) continue;
      if (landing.entry.type === 'directory' && existing.isDirectory()) continue;
      flags[index] = 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return landings.filter((_, i) => flags[i] === 1);
}

async function lstatOrUndefined(p: string): Promise<Stats | undefined> {
  try {
    return await fs.lstat(p);
  } catch {
    // ENOENT and ENOTDIR mean nothing is there; anything else borg will report while extracting.
    return undefined;
  }
}

async function exists(p: string): Promise<boolean> {
  return (await lstatOrUndefined(p)) !== undefined;
}

async function requireDirectory(dir: string): Promise<void> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (stat?.isDirectory() !== true) {
    throw new AppError(
      'InvalidInput',
      `The folder ${dir} does not exist.`,
      'Choose an existing folder to restore into.',
      { reason: 'folderExist', params: { dir } },
    );
  }
}

/** The real path of `p`, or `p` itself when it cannot be resolved. */
export async function realpathOr(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return p;
  }
}

function intoRepository(): AppError {
  return new AppError(
    'InvalidInput',
    'That would restore files into the repository folder itself.',
    'Choose a folder outside the repository.',
    { reason: 'wouldRestoreFilesRepository' },
  );
}
