/**
 * `borg mount` / `borg umount`. Mount runs in borg's default daemon form: borg mounts (llfuse.init)
 * before it forks into the background, and the foreground process exits 0 only after the background
 * process took over (helpers.process.daemonizing), so when runMount resolves the mount is in place
 * and reads are served. The background borg keeps the repository lock (shared for a local
 * repository: lists and extracts still run, a backup waits) until `borg umount`.
 */
import type { BorgCapabilities } from '../capabilities.js';
import { archiveSelector, capabilitiesOf, repositoryTail } from '../command-shape.js';
import { BorgError, errorForMsgid, isBorgError } from '../errors.js';
import { exitKind } from '../exit-codes.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';
import { parseListOutput } from '../json-output.js';
import { buildMountArgs, buildUmountArgs, type MountOptions } from './mount-args.js';

export { fuseAvailability, type FuseAvailability } from './fuse-availability.js';
export { buildMountArgs, buildUmountArgs, type MountOptions } from './mount-args.js';

/** Mounts read-only; resolves once the mount is usable. */
export async function runMount(o: MountOptions, ctx: BorgContext): Promise<void> {
  const caps = capabilitiesOf(ctx);
  if (o.archiveName !== undefined && caps.mountShowsArchiveFolders) {
    await assertArchiveExists(o.location, { archiveName: o.archiveName, archiveId: o.archiveId }, caps, ctx);
  }
  try {
    await runBorg(buildMountArgs(o, caps), ctx);
  } catch (e) {
    // A warning exit (1, or a modern 100–127: the background process did not confirm) and a cancel during the hand-over can leave
    // a mount behind that nobody tracks; take it down again. Other failures happen before mounting.
    if (isBorgError(e) && ((e.rc !== undefined && exitKind(e.rc) === 'warning') || e.code === 'Cancelled')) {
      await runUmount({ mountPoint: o.mountPoint }, { borgPath: ctx.borgPath }).catch(() => undefined);
    }
    throw e;
  }
}

/**
 * Borg 2 mounts a repository view that `--match-archives` filters: a name that matches nothing gives
 * an empty folder, not an error. `repo-list --match-archives=<selector>` asks first, as borg 1 would fail.
 */
async function assertArchiveExists(
  location: string,
  archive: { archiveName: string; archiveId?: string | undefined },
  caps: BorgCapabilities,
  ctx: BorgContext,
): Promise<void> {
  const args = [
    caps.repositoryCommands.list,
    '--json',
    `${caps.archiveMatchFlag}=${archiveSelector(caps, archive)}`,
    ...repositoryTail(caps, location),
  ];
  const run = await runBorg(args, ctx, { okExitCodes: [0, 1], killGraceMs: STOP_AT_ONCE_MS });
  if (parseListOutput(run.stdout).archives.length > 0) return;
  throw (
    errorForMsgid('Archive.DoesNotExist') ??
    new BorgError({ code: 'ArchiveDoesNotExist', message: archive.archiveName })
  );
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
      reason: 'unmounted',
      params: { mountPoint: o.mountPoint, message: e.message },
    });
  }
}
