/**
 * `borg mount` / `borg umount`. Mount runs in borg's default daemon form: borg mounts (llfuse.init)
 * before it forks into the background, and the foreground process exits 0 only after the background
 * process took over (helpers.process.daemonizing), so when runMount resolves the mount is in place
 * and reads are served. The background borg keeps the repository lock (shared for a local
 * repository: lists and extracts still run, a backup waits) until `borg umount`.
 */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveSelector, capabilitiesOf, repositoryTail } from '../command-shape.js';
import { BorgError, isBorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';

export { fuseAvailability, type FuseAvailability } from './fuse-availability.js';

/** What to mount (a whole repository when archiveName is absent) and where (an existing empty folder). */
export interface MountOptions {
  location: string;
  archiveName?: string;
  /** The archive's id: borg 2 selects it as `aid:<id>` (names repeat in a series). */
  archiveId?: string | undefined;
  mountPoint: string;
}

/** `mount -- LOCATION[::ARCHIVE] MOUNTPOINT` (1.x), `mount [--match-archives=id:ARCHIVE] --repo=LOCATION -- MOUNTPOINT` (2.x). */
export function buildMountArgs(o: MountOptions, caps: BorgCapabilities = BORG_1_2_CAPABILITIES): string[] {
  if (caps.repositoryArgument === 'option') {
    const archive =
      o.archiveName === undefined
        ? []
        : [
            `--match-archives=${archiveSelector(caps, { archiveName: o.archiveName, archiveId: o.archiveId })}`,
          ];
    return ['mount', ...archive, ...repositoryTail(caps, o.location), '--', o.mountPoint];
  }
  const target = o.archiveName === undefined ? o.location : `${o.location}::${o.archiveName}`;
  return ['mount', '--', target, o.mountPoint];
}

/** `umount -- MOUNTPOINT`. */
export function buildUmountArgs(o: { mountPoint: string }): string[] {
  return ['umount', '--', o.mountPoint];
}

/** Mounts read-only; resolves once the mount is usable. */
export async function runMount(o: MountOptions, ctx: BorgContext): Promise<void> {
  try {
    await runBorg(buildMountArgs(o, capabilitiesOf(ctx)), ctx);
  } catch (e) {
    // Exit 1 (the background process did not confirm) and a cancel during the hand-over can leave
    // a mount behind that nobody tracks; take it down again. Other failures happen before mounting.
    if (isBorgError(e) && (e.rc === 1 || e.code === 'Cancelled')) {
      await runUmount({ mountPoint: o.mountPoint }, { borgPath: ctx.borgPath }).catch(() => undefined);
    }
    throw e;
  }
}

/** Unmounts (borg runs `fusermount -u`, or `umount` where that is missing). */
export async function runUmount(
  o: { mountPoint: string },
  ctx: Pick<BorgContext, 'borgPath' | 'signal'>,
): Promise<void> {
  try {
    await runBorg(buildUmountArgs(o), { borgPath: ctx.borgPath, signal: ctx.signal });
  } catch (e) {
    if (!isBorgError(e) || e.code !== 'BorgFailed') throw e;
    // fusermount's own words (plain text, no msgid), e.g. "... Device or resource busy".
    throw new BorgError({
      code: 'BorgFailed',
      message: `${o.mountPoint} could not be unmounted: ${e.message}`,
      remedy: 'Close windows and programs that use files in it, then try again.',
      ...(e.rc === undefined ? {} : { rc: e.rc }),
    });
  }
}
