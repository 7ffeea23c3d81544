/**
 * The `borg mount` / `borg umount` command lines, apart from running them, so the FUSE probe
 * (fuse-availability.ts) builds its trial mount the same way as a real one.
 */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveSelector, repositoryTail } from '../command-shape.js';

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
