/**
 * `mount:*`: read-only FUSE mounts of an archive (or a whole repository) in fresh temporary
 * folders, unmounted again on request and when the app quits, or at the next start after a crash.
 *
 * Locking (borg 1.2.4, checked with two borg processes): a mounted repository keeps borg's SHARED
 * lock until it is unmounted. Other readers (list, info, extract, diff) still work, but commands
 * that need the EXCLUSIVE lock (create, prune, delete, compact, check) would wait `--lock-wait`
 * seconds and fail with LockTimeout. So writing jobs ask `assertUnmounted` first and get a clear
 * "unmount first" error, and a mount is refused while a job of its repository is queued or running.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runLazyUnmount } from '../../borg/commands/lazy-unmount.js';
import {
  buildMountArgs,
  buildUmountArgs,
  fuseAvailability,
  runMount,
  runUmount,
} from '../../borg/commands/mount.js';
import type { BorgContext } from '../../borg/exec.js';
import type { Mount, MountStatus } from '../../model/restore.js';
import { AppError } from '../app-error.js';
import { recordNothing, type RecordOperation } from '../history/operation-record.js';
import { cleanUpLeftoverMounts, mountFolderPrefix, type LeftoverCleanup } from './leftover-mounts.js';
import { endBorgMount, findBorgMountPid, removeMarker, writeMarker } from './mount-marker.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import { log } from '../logging/log.js';
import { jobTitle } from '../../model/job-titles.js';

/** What the mount manager needs from the rest of the core. */
export interface MountManagerDeps {
  resolve(repoId: string): Promise<{ location: string; name: string; ctx: BorgContext }>;
  runInLane<T>(repoId: string, task: () => Promise<T>): Promise<T>;
  borgPath(): Promise<string>;
  /** Which unmount tools there are, and how to find borg's process. */
  readonly platform: NodeJS.Platform;
  /** True while a job of the repository is queued or running. */
  hasActiveJob(repoId: string): boolean;
  emit(status: MountStatus): void;
  /** Where mount folders are made; os.tmpdir() unless a test says otherwise. */
  readonly tmpDir?: string;
  /** How long an unmount may take while the app quits. */
  readonly disposeTimeoutMs?: number;
  /** Mounts and the user's unmounts are recorded in the history with their command line. */
  readonly record?: RecordOperation;
}

interface MountRecord extends Mount {
  readonly repoName: string;
  /** The background `borg mount` process, ended after a lazy unmount. */
  readonly borgPid?: number;
}

type Availability = { available: boolean; reason?: string };

/** Owns every mount this app run made. */
export class MountManager {
  private readonly mounts = new Map<string, MountRecord>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private disposed = false;

  constructor(private readonly deps: MountManagerDeps) {}

  /** `mount:status`: whether FUSE works here, and the current mounts (forgetting ones unmounted elsewhere). */
  async status(): Promise<MountStatus> {
    const availability = await this.available();
    if (await this.forgetVanished()) this.deps.emit(this.snapshot(availability));
    return this.snapshot(availability);
  }

  /** `mount:mount`: mount an archive, or with no archive name the whole repository. */
  async mount(repoId: string, archiveName?: string, archiveId?: string): Promise<Mount> {
    if (this.disposed) throw new AppError('Disposed', 'Borgdesk is shutting down.');
    const availability = await this.available();
    if (!availability.available) {
      throw new AppError(
        'MountUnavailable',
        availability.reason ?? 'Mounting is not available on this computer.',
        'Restore the files instead.',
        availability.reason === undefined
          ? { reason: 'notAvailable' }
          : { reason: 'stated', params: { message: availability.reason } },
      );
    }
    const existing = [...this.mounts.values()].find(
      (m) => m.repoId === repoId && m.archiveName === archiveName,
    );
    if (existing !== undefined) return toMount(existing);
    if (this.deps.hasActiveJob(repoId)) {
      throw new AppError(
        'Busy',
        'A backup or restore of this repository is running.',
        'Mount it when the job has finished.',
        { reason: 'backupRestoreRepositoryRunning' },
      );
    }
    const { location, name, ctx } = await this.deps.resolve(repoId);
    // The pid in the name tells a later run whether this folder's owner still runs (leftover-mounts.ts).
    const mountPoint = await fs.mkdtemp(path.join(this.tmpDir(), mountFolderPrefix()));
    const record: MountRecord = {
      repoId,
      mountPoint,
      repoName: name,
      ...(archiveName === undefined ? {} : { archiveName }),
    };
    const work = this.deps.runInLane(repoId, async () => {
      const options =
        archiveName === undefined
          ? { location, mountPoint }
          : { location, archiveName, archiveId, mountPoint };
      const operation = {
        kind: 'mount' as const,
        repoId,
        ...(archiveName === undefined
          ? jobTitle('mount-all', { repo: name })
          : jobTitle('mount-archive', { archive: archiveName })),
        args: buildMountArgs(options, capabilitiesOf(ctx)),
        ctx,
      };
      await (this.deps.record ?? recordNothing)(operation, (recorded) => runMount(options, recorded));
      if (archiveName !== undefined && capabilitiesOf(ctx).mountShowsArchiveFolders) {
        record.filesAt = path.join(mountPoint, archiveName);
      }
      // Recorded inside the lane, so a backup queued behind the mount already sees it.
      this.mounts.set(mountPoint, record);
      // A later run that finds this still mounted (we were killed) learns from the marker what it is.
      const borgPid = await findBorgMountPid(mountPoint, this.deps.platform);
      if (borgPid !== undefined) this.mounts.set(mountPoint, { ...record, borgPid });
      await writeMarker(mountPoint, {
        repoId,
        repoName: name,
        mountedAt: Date.now(),
        ...(archiveName === undefined ? {} : { archiveName }),
        ...(borgPid === undefined ? {} : { borgPid }),
      });
    });
    try {
      await this.track(work);
    } catch (e) {
      await fs.rmdir(mountPoint).catch(() => undefined);
      throw e;
    }
    this.deps.emit(this.snapshot(await this.available()));
    return toMount(record);
  }

  /**
   * `mount:unmount`: unmount one of our mounts (or one an ended run left) and remove its folder.
   * Busy: MountBusy. `lazy` detaches even a busy mount and ends its borg process (see forceRelease).
   */
  async unmount(mountPoint: string, options: { lazy?: boolean } = {}): Promise<MountStatus> {
    const record = this.mounts.get(mountPoint);
    if (record === undefined) {
      throw new AppError('NotFound', 'Borgdesk did not mount that folder.', 'Reload the list of mounts.', {
        reason: 'borgdeskDidMountFolder',
      });
    }
    // A lazy unmount is fusermount's, not borg's: it has no borg command line to record.
    if (options.lazy === true) await this.track(this.forceRelease(record));
    else {
      const operation = {
        kind: 'unmount' as const,
        repoId: record.repoId,
        ...jobTitle('unmount', { path: mountPoint }),
        args: buildUmountArgs(record),
      };
      const recorded = (this.deps.record ?? recordNothing)(
        { ...operation, ctx: { borgPath: await this.deps.borgPath() } },
        () => this.release(record),
      );
      await this.track(recorded).catch((e: unknown) => {
        const said = messageOf(e);
        const busy = /busy/i.test(said);
        throw new AppError(
          'MountBusy',
          busy ? `${record.mountPoint} could not be unmounted: a program still uses files in it.` : said,
          'Close the windows and programs that use files in it and try again, or use Force unmount.',
          busy
            ? { reason: 'inUse', params: { mountPoint: record.mountPoint } }
            : { reason: 'unmountFailed', params: { borgText: said } },
        );
      });
    }
    const status = this.snapshot(await this.available());
    this.deps.emit(status);
    return status;
  }

  /** Throws RepositoryMounted when `repoId` is mounted: borg cannot take its exclusive lock now. */
  assertUnmounted(repoId: string): void {
    const mounted = [...this.mounts.values()].find((m) => m.repoId === repoId);
    if (mounted === undefined) return;
    const by = mounted.leftover === true ? ' by a Borgdesk run that ended' : '';
    throw new AppError(
      'RepositoryMounted',
      `${mounted.repoName} is mounted at ${mounted.mountPoint}${by}, and borg cannot change a mounted repository.`,
      mounted.leftover === true
        ? 'Unmount it on the Overview or the repository screen (Force unmount if it is busy), then try again.'
        : 'Unmount it first, then try again.',
      {
        reason: mounted.leftover === true ? 'leftoverMount' : 'mounted',
        params: { name: mounted.repoName, mountPoint: mounted.mountPoint },
      },
    );
  }

  /** True when any archive of `repoId` is mounted. */
  isMounted(repoId: string): boolean {
    return [...this.mounts.values()].some((m) => m.repoId === repoId);
  }

  /**
   * Unmounts and removes the mount folders of earlier runs that ended without unmounting (a crash,
   * a kill). Called once at start, not awaited; nothing is thrown. Mounts that stay (busy: a program
   * still uses them, and their borg keeps the repository's lock) are listed from now on as
   * `leftover`, so the user sees them and can unmount them, lazily if need be.
   */
  async cleanUpLeftovers(): Promise<LeftoverCleanup> {
    const signal = AbortSignal.timeout(this.deps.disposeTimeoutMs ?? 15_000);
    const cleanup = await this.track(
      cleanUpLeftoverMounts({ tmpDir: this.tmpDir(), borgPath: () => this.deps.borgPath(), signal }),
    );
    for (const { folder, reason } of cleanup.kept)
      log.error(`left the mount folder ${folder} of an earlier run in place: ${reason}`);
    for (const { folder, marker } of cleanup.stillMounted) {
      this.mounts.set(folder, {
        repoId: marker?.repoId ?? '',
        repoName: marker?.repoName ?? 'an unknown repository',
        mountPoint: folder,
        leftover: true,
        ...(marker?.archiveName === undefined ? {} : { archiveName: marker.archiveName }),
        ...(marker?.borgPid === undefined ? {} : { borgPid: marker.borgPid }),
      });
    }
    if (cleanup.stillMounted.length > 0) this.deps.emit(this.snapshot(await this.available()));
    return cleanup;
  }

  /** Unmount everything (the app is quitting); failures are logged, never thrown. */
  async dispose(): Promise<void> {
    this.disposed = true;
    // A mount still starting would otherwise be left behind once it finishes.
    await Promise.allSettled([...this.inFlight]);
    const records = [...this.mounts.values()];
    const signal = AbortSignal.timeout(this.deps.disposeTimeoutMs ?? 15_000);
    const results = await Promise.allSettled(records.map((r) => this.release(r, signal)));
    results.forEach((r, i) => {
      if (r.status === 'rejected') log.error(`could not unmount ${records[i]?.mountPoint}`, r.reason);
    });
    if (records.length > 0) this.deps.emit(this.snapshot(await this.available()));
  }

  private async release(record: MountRecord, signal?: AbortSignal): Promise<void> {
    const borgPath = await this.deps.borgPath();
    try {
      await runUmount(
        { mountPoint: record.mountPoint },
        signal === undefined ? { borgPath } : { borgPath, signal },
      );
    } catch (e) {
      // Unmounted behind our back (fusermount -u in a terminal): nothing left to do but forget it.
      // Otherwise borg's error says why (usually "busy") and what to do.
      if ((await isMountPoint(record.mountPoint)) !== false) throw e;
    }
    await this.forget(record.mountPoint);
  }

  /**
   * A lazy unmount: the mount is detached at once even while programs use it (they keep what they
   * have open, and the kernel lets the mount go once they close it); then its borg process, when it
   * is ours (pid from the marker or found by command line, checked again before the signal), is
   * ended so that the repository's lock is released now rather than when the last program closes.
   */
  private async forceRelease(record: MountRecord): Promise<void> {
    const pid = record.borgPid ?? (await findBorgMountPid(record.mountPoint, this.deps.platform));
    if ((await isMountPoint(record.mountPoint)) !== false) {
      await runLazyUnmount(record.mountPoint, this.deps.platform).catch((e: unknown) => {
        throw new AppError(
          'MountBusy',
          messageOf(e),
          'Close the programs that use files in it and try again, or restart the computer.',
          { reason: 'lazyUnmountFailed', params: { borgText: messageOf(e) } },
        );
      });
    }
    if (pid !== undefined && !(await endBorgMount(pid, record.mountPoint, this.deps.platform))) {
      log.error(`borg mount (pid ${pid}) of ${record.mountPoint} did not end`);
    }
    await this.forget(record.mountPoint);
  }

  private async forget(mountPoint: string): Promise<void> {
    this.mounts.delete(mountPoint);
    await fs.rmdir(mountPoint).catch(() => undefined);
    await removeMarker(mountPoint);
  }

  private async forgetVanished(): Promise<boolean> {
    let changed = false;
    for (const record of [...this.mounts.values()]) {
      if ((await isMountPoint(record.mountPoint)) !== false) continue;
      await this.forget(record.mountPoint);
      changed = true;
    }
    return changed;
  }

  private tmpDir(): string {
    return this.deps.tmpDir ?? os.tmpdir();
  }

  private async available(): Promise<Availability> {
    const borgPath = await this.deps.borgPath().catch(() => '');
    if (borgPath === '') return { available: false, reason: 'Borg was not found.' };
    // Cached per borg path by fuseAvailability itself.
    return fuseAvailability(borgPath);
  }

  private snapshot(availability: Availability): MountStatus {
    const status: MountStatus = {
      available: availability.available,
      mounts: [...this.mounts.values()].map(toMount),
    };
    if (availability.reason !== undefined) status.reason = availability.reason;
    return status;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    return work.finally(() => this.inFlight.delete(work));
  }
}

function toMount(record: MountRecord): Mount {
  const mount: Mount = { repoId: record.repoId, mountPoint: record.mountPoint };
  if (record.archiveName !== undefined) mount.archiveName = record.archiveName;
  if (record.filesAt !== undefined) mount.filesAt = record.filesAt;
  if (record.leftover === true) {
    mount.leftover = true;
    mount.repoName = record.repoName;
  }
  return mount;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// A mount point sits on another device than its parent; undefined when it cannot be read at all
// (a FUSE mount whose borg died answers ENOTCONN: still mounted, still needs unmounting).
async function isMountPoint(dir: string): Promise<boolean | undefined> {
  try {
    const [inner, outer] = await Promise.all([fs.stat(dir), fs.stat(path.dirname(dir))]);
    return inner.dev !== outer.dev;
  } catch (e) {
    return typeof e === 'object' && e !== null && 'code' in e && e.code === 'ENOENT' ? false : undefined;
  }
}
