/**
 * The browser host's in-app folder picker: the entries of one folder plus handy starting places.
 * Errors are plain AppErrors (no stack, no raw errno text) so the picker can show them as they are.
 */
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import type { FolderListing } from '../../model/folders.js';
import { AppError } from '../app-error.js';

/** What folder listing needs to know about the machine; injected so tests can use a temp tree. */
export interface FolderListingContext {
  readonly homeDir: string;
  readonly platform: NodeJS.Platform;
  readonly username: string;
  /** Folders whose sub-folders are mounted drives; defaults per platform (see defaultMountRoots). */
  readonly mountRoots?: readonly string[];
  /** Cap on returned entries; default {@link MAX_LISTED_ENTRIES}. */
  readonly maxEntries?: number;
}

/** Options for one listing request (the contract's `fs:list-folder` params). */
export interface ListFolderOptions {
  readonly path?: string | undefined;
  readonly showHidden?: boolean | undefined;
}

/** Most entries one listing returns; a bigger folder is cut (folders kept first) and marked truncated. */
export const MAX_LISTED_ENTRIES = 10_000;

// Reading stops after this many entries per kept entry: a folder of millions costs bounded time.
const SCAN_FACTOR = 10;

/** List `options.path` (default: home): folders first, then files, each group sorted by name. */
export async function listFolder(
  options: ListFolderOptions,
  ctx: FolderListingContext,
): Promise<FolderListing> {
  const target = resolveTarget(options.path, ctx.homeDir);
  const { entries, truncated } = await readEntries(
    target,
    options.showHidden === true,
    Math.max(1, ctx.maxEntries ?? MAX_LISTED_ENTRIES),
  );
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  entries.sort((a, b) => Number(b.isDirectory) - Number(a.isDirectory) || collator.compare(a.name, b.name));
  const parent = path.dirname(target);
  const listing: FolderListing = {
    path: target,
    entries,
    places: await listPlaces(ctx),
    ...(truncated ? { truncated } : {}),
  };
  return parent === target ? listing : { ...listing, parent };
}

type Entry = FolderListing['entries'][number];

// Streams the folder and keeps at most `max` entries, folders before files, so the reply and the
// memory behind it stay bounded however large the folder is.
async function readEntries(
  target: string,
  showHidden: boolean,
  max: number,
): Promise<{ entries: Entry[]; truncated: boolean }> {
  const folders: Entry[] = [];
  const files: Entry[] = [];
  let truncated = false;
  let scanned = 0;
  try {
    for await (const d of await fs.opendir(target, { bufferSize: 256 })) {
      scanned += 1;
      if (!showHidden && d.name.startsWith('.')) continue;
      if (scanned > max * SCAN_FACTOR || folders.length >= max) {
        truncated = true;
        break;
      }
      const entry = {
        name: d.name,
        path: path.join(target, d.name),
        isDirectory: await isDirectory(target, d),
      };
      if (folders.length + files.length < max) {
        (entry.isDirectory ? folders : files).push(entry);
        continue;
      }
      truncated = true;
      // Full: a folder still displaces a file, since the picker is there to choose folders.
      if (entry.isDirectory && files.pop() !== undefined) folders.push(entry);
    }
  } catch (e) {
    throw folderError(target, e);
  }
  return { entries: [...folders, ...files], truncated };
}

function resolveTarget(requested: string | undefined, homeDir: string): string {
  const raw = requested?.trim() ?? '';
  if (raw === '' || raw === '~') return homeDir;
  if (raw.startsWith('~/')) return path.join(homeDir, raw.slice(2));
  if (!path.isAbsolute(raw)) {
    throw new AppError(
      'InvalidInput',
      `“${raw}” is not a full folder path.`,
      'Start the path with / (or ~ for your home folder).',
      { reason: 'fullFolderPath', params: { raw } },
    );
  }
  return path.resolve(raw);
}

// A symlink to a folder counts as a folder, since picking it works for borg (it follows the root path).
async function isDirectory(dir: string, d: Dirent): Promise<boolean> {
  if (d.isDirectory()) return true;
  if (!d.isSymbolicLink()) return false;
  try {
    return (await fs.stat(path.join(dir, d.name))).isDirectory();
  } catch {
    return false;
  }
}

function folderError(target: string, e: unknown): AppError {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return new AppError('NotFound', `The folder ${target} does not exist.`, 'Pick another folder.', {
        reason: 'folderExist',
        params: { target },
      });
    case 'ENOTDIR':
      return new AppError('InvalidInput', `${target} is a file, not a folder.`, 'Pick a folder.', {
        reason: 'fileFolder',
        params: { target },
      });
    case 'EACCES':
    case 'EPERM':
      return new AppError(
        'FolderUnreadable',
        `Borgdesk is not allowed to read ${target}.`,
        'Pick another folder, or change its permissions.',
        { reason: 'borgdeskAllowedRead', params: { target } },
      );
    default:
      return new AppError(
        'FolderUnreadable',
        `The folder ${target} could not be read.`,
        'Pick another folder.',
        { reason: 'folderRead', params: { target } },
      );
  }
}

/** Where removable and network drives appear: /Volumes on macOS, /media/$USER and /run/media/$USER on Linux. */
export function defaultMountRoots(platform: NodeJS.Platform, username: string): string[] {
  if (platform === 'darwin') return ['/Volumes'];
  if (platform === 'linux') return [path.join('/media', username), path.join('/run/media', username)];
  return [];
}

/** Home, the filesystem root, and the mounted drives found under the mount roots. */
export async function listPlaces(ctx: FolderListingContext): Promise<{ label: string; path: string }[]> {
  const root = path.parse(ctx.homeDir).root || '/';
  const places = [
    { label: 'Home', path: ctx.homeDir },
    { label: ctx.platform === 'win32' ? root : 'Computer', path: root },
  ];
  for (const mountRoot of ctx.mountRoots ?? defaultMountRoots(ctx.platform, ctx.username)) {
    let dirents: Dirent[];
    try {
      dirents = await fs.readdir(mountRoot, { withFileTypes: true });
    } catch {
      continue; // Most machines have no such folder; that is not an error.
    }
    for (const d of dirents) {
      if (d.name.startsWith('.') || !(await isDirectory(mountRoot, d))) continue;
      places.push({ label: d.name, path: path.join(mountRoot, d.name) });
    }
  }
  return places;
}
