/**
 * Mount folders an earlier Borgdesk run left behind. Mount folders are named after the process that
 * made them (`borgdesk-mount-<pid>-XXXXXX` in the temp folder). When that process was killed while
 * an archive was mounted, borg's background process usually still serves the mount (and holds the
 * repository's shared lock, so backups time out); when borg died too, the folder answers ENOTCONN.
 * Either way the folder stays. At start the core unmounts such mounts with `borg umount` and
 * removes the folders once they are empty (and their markers, mount-marker.ts). A mount that is busy
 * (a program still has a file of it open) cannot be unmounted that way: it is handed back as
 * `stillMounted`, with its marker, so the app can show it and offer Unmount and a lazy unmount.
 *
 * Only folders whose name carries a pid that no longer runs are touched: another Borgdesk (the
 * desktop app next to a browser host) may be using its mounts right now. A folder that is not ours
 * (another owner), that cannot be unmounted, or that still holds anything after unmounting stays.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runUmount } from '../../borg/commands/mount.js';
import { readMarker, removeMarker, type MountMarker } from './mount-marker.js';

const PREFIX = 'borgdesk-mount-';
// mkdtemp appends six characters from [A-Za-z0-9].
const FOLDER_NAME = /^borgdesk-mount-(\d+)-[A-Za-z0-9]{6}$/;
const MARKER_NAME = /^(borgdesk-mount-\d+-[A-Za-z0-9]{6})\.json$/;

/** The mkdtemp prefix of this process's mount folders. */
export function mountFolderPrefix(pid: number = process.pid): string {
  return `${PREFIX}${pid}-`;
}

/** The pid in a mount folder's name, or undefined when the name is not one of ours. */
export function mountFolderOwnerPid(name: string): number | undefined {
  const match = FOLDER_NAME.exec(name);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** What a cleanup did, folder by folder. */
export interface LeftoverCleanup {
  /** Folders unmounted (if they were mounted) and removed. */
  readonly removed: readonly string[];
  /** Folders left in place, with the reason. */
  readonly kept: readonly { readonly folder: string; readonly reason: string }[];
  /** Folders still mounted after trying (usually busy), with what their marker says; also in `kept`. */
  readonly stillMounted: readonly LeftoverMount[];
}

/** A mount an ended run left that is still in place. */
export interface LeftoverMount {
  readonly folder: string;
  readonly reason: string;
  /** Missing for folders made before Borgdesk wrote markers, or when it could not be written. */
  readonly marker?: MountMarker;
}

export interface LeftoverCleanupOptions {
  /** The folder mount folders are made in. */
  readonly tmpDir: string;
  /** Borg for `borg umount`; without it mounted folders stay. */
  borgPath(): Promise<string>;
  /** Limits each unmount. */
  readonly signal?: AbortSignal;
}

/** Unmounts and removes the mount folders of Borgdesk runs that have ended. Never throws. */
export async function cleanUpLeftoverMounts(options: LeftoverCleanupOptions): Promise<LeftoverCleanup> {
  const removed: string[] = [];
  const kept: { folder: string; reason: string }[] = [];
  const stillMounted: LeftoverMount[] = [];
  const entries = await fs.readdir(options.tmpDir).catch(() => [] as string[]);
  for (const name of entries) {
    const pid = mountFolderOwnerPid(name);
    if (pid === undefined || isRunning(pid)) continue;
    const folder = path.join(options.tmpDir, name);
    const reason = await cleanUpFolder(folder, options).catch((e: unknown) => messageOf(e));
    if (reason === undefined) {
      removed.push(folder);
      await removeMarker(folder);
      continue;
    }
    kept.push({ folder, reason });
    const state = await mountState(folder);
    if (state !== 'yes' && state !== 'unreadable') continue;
    const marker = await readMarker(folder);
    stillMounted.push(marker === undefined ? { folder, reason } : { folder, reason, marker });
  }
  // A marker whose folder is gone (removed by hand) says nothing any more.
  for (const name of entries) {
    const folderName = MARKER_NAME.exec(name)?.[1];
    if (folderName === undefined || entries.includes(folderName)) continue;
    const pid = mountFolderOwnerPid(folderName);
    if (pid !== undefined && !isRunning(pid)) await removeMarker(path.join(options.tmpDir, folderName));
  }
  return { removed, kept, stillMounted };
}

// Undefined when the folder is gone; otherwise why it stays.
async function cleanUpFolder(folder: string, options: LeftoverCleanupOptions): Promise<string | undefined> {
  const mounted = await mountState(folder);
  if (mounted === 'gone') return undefined;
  if (mounted === 'foreign') return 'it belongs to another user';
  if (mounted === 'not-a-folder') return 'it is not a folder';
  if (mounted !== 'no') {
    // A mount whose borg died cannot be stat'ed, so its owner is unknown here; fusermount itself
    // refuses to unmount another user's FUSE mount, and /tmp's sticky bit keeps rmdir to our own.
    const borgPath = await options.borgPath();
    const unmounted = await runUmount(
      { mountPoint: folder },
      options.signal === undefined ? { borgPath } : { borgPath, signal: options.signal },
    ).then(
      () => undefined,
      (e: unknown) => messageOf(e),
    );
    if ((await mountState(folder)) !== 'no') return unmounted ?? 'it is still mounted';
  }
  try {
    // rmdir, not rm: a folder with anything in it is not a bare mount point and is left alone.
    await fs.rmdir(folder);
    return undefined;
  } catch (e) {
    return messageOf(e);
  }
}

type MountState = 'no' | 'yes' | 'unreadable' | 'foreign' | 'not-a-folder' | 'gone';

// A mount point sits on another device than its parent; a FUSE mount whose borg died answers
// ENOTCONN to stat. A live borg mount reports the user who mounted it as the owner of its root.
async function mountState(folder: string): Promise<MountState> {
  let inner;
  try {
    inner = await fs.lstat(folder);
  } catch (e) {
    return errorCode(e) === 'ENOENT' ? 'gone' : 'unreadable';
  }
  const uid = process.getuid?.();
  if (uid !== undefined && inner.uid !== uid) return 'foreign';
  if (!inner.isDirectory()) return 'not-a-folder';
  const outer = await fs.stat(path.dirname(folder));
  return inner.dev === outer.dev ? 'no' : 'yes';
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return errorCode(e) !== 'ESRCH';
  }
}

function errorCode(e: unknown): unknown {
  return typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
