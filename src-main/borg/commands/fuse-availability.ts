/**
 * Whether `borg mount` can work on this computer, and if not, a sentence that says why. Cheap checks
 * first (platform, /dev/fuse, the fusermount helper), then one borg run that asks borg itself:
 * `borg mount -- <missing repo> <empty folder>` (borg 2: `mount --repo=<missing repo> -- <folder>`,
 * built from the capability table of the version borg reports) checks for a FUSE library before the
 * mount point and before opening the repository (archiver.do_mount in borg 1.2/1.4, mount_cmds in
 * 2.0), so it ends with Repository.DoesNotExist exactly when borg's Python has pyfuse3 or llfuse. That works for every
 * kind of install (distribution package, pip, standalone binary), unlike importing the modules in a
 * Python we would have to guess.
 */
import { access, constants as fsConstants, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isBorgError } from '../errors.js';
import { runBorg } from '../exec.js';
import { capabilitiesOfBorg } from '../version.js';
import { buildMountArgs } from './mount-args.js';

/** The answer for the UI: reason is set when available is false. */
export interface FuseAvailability {
  readonly available: boolean;
  readonly reason?: string;
}

/** What the checks look at; the real computer unless a test says otherwise. */
export interface FuseHost {
  readonly platform: NodeJS.Platform;
  /** Whether /dev/fuse can be opened for reading and writing. */
  readonly hasDevFuse: () => Promise<boolean>;
  /** Whether fusermount3 or fusermount is on PATH (unprivileged mounts need one of them). */
  readonly hasFusermount: () => Promise<boolean>;
  /** Root mounts through mount(2) itself and needs no fusermount. */
  readonly isRoot: boolean;
}

const cache = new Map<string, Promise<FuseAvailability>>();

/** Whether `borg mount` can work here; reason is a user-facing sentence when not (no llfuse/pyfuse3, no /dev/fuse, no fusermount, Windows). Cached per borg path. */
export function fuseAvailability(borgPath: string): Promise<FuseAvailability> {
  const cached = cache.get(borgPath);
  if (cached) return cached;
  const pending = checkFuseAvailability(borgPath, realHost()).then(({ result, lasting }) => {
    // "Borg could not be started" may be fixed without a restart; ask again next time.
    if (!lasting) cache.delete(borgPath);
    return result;
  });
  cache.set(borgPath, pending);
  return pending;
}

/** The uncached check; `lasting` is false when the answer may change without a restart. */
export async function checkFuseAvailability(
  borgPath: string,
  host: FuseHost,
): Promise<{ result: FuseAvailability; lasting: boolean }> {
  const no = (reason: string, lasting = true): { result: FuseAvailability; lasting: boolean } => ({
    result: { available: false, reason },
    lasting,
  });
  if (host.platform === 'win32') return no('borg mount needs FUSE, which Windows does not have.');
  if (host.platform === 'linux') {
    if (!(await host.hasDevFuse())) {
      return no(
        'Mounting needs FUSE, and /dev/fuse is missing or not usable here (load the fuse module, or give the container /dev/fuse).',
      );
    }
    if (!host.isRoot && !(await host.hasFusermount())) {
      return no(
        'Mounting needs the fusermount helper, which is not installed (install the "fuse3" package).',
      );
    }
  }
  const probe = await probeBorg(borgPath, host.platform);
  if (probe.ok) return { result: { available: true }, lasting: true };
  return no(probe.reason, probe.lasting);
}

async function probeBorg(
  borgPath: string,
  platform: NodeJS.Platform,
): Promise<{ ok: true } | { ok: false; reason: string; lasting: boolean }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-fuse-probe-'));
  try {
    const mountPoint = path.join(dir, 'mnt');
    await mkdir(mountPoint);
    const caps = await capabilitiesOfBorg(borgPath);
    const args = buildMountArgs({ location: path.join(dir, 'no-repository'), mountPoint }, caps);
    await runBorg(args, { borgPath, capabilities: caps });
    return { ok: true };
  } catch (e) {
    if (!isBorgError(e)) throw e;
    if (e.msgid === 'Repository.DoesNotExist') return { ok: true };
    // Borg's "borg mount not available: no FUSE support, BORG_FUSE_IMPL=..." error has no msgid.
    if (e.code === 'BorgFailed' && /\bFUSE\b/.test(e.message)) {
      return { ok: false, reason: noLibraryReason(platform, e.message), lasting: true };
    }
    return { ok: false, reason: `Borg could not check whether it can mount: ${e.message}`, lasting: false };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function noLibraryReason(platform: NodeJS.Platform, borgSaid: string): string {
  const install =
    platform === 'darwin'
      ? 'install macFUSE and a borg with FUSE support'
      : "install python3-pyfuse3 or python3-llfuse, or use borg's standalone binary";
  return `This borg cannot mount archives: its Python has no FUSE library (pyfuse3 or llfuse); ${install}. Borg said: ${borgSaid}`;
}

function realHost(): FuseHost {
  return {
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    hasDevFuse: () => canAccess('/dev/fuse', fsConstants.R_OK | fsConstants.W_OK),
    hasFusermount: async () => {
      const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
      for (const dir of new Set([...dirs, '/bin', '/usr/bin'])) {
        for (const name of ['fusermount3', 'fusermount']) {
          if (await canAccess(path.join(dir, name), fsConstants.X_OK)) return true;
        }
      }
      return false;
    },
  };
}

async function canAccess(file: string, mode: number): Promise<boolean> {
  try {
    await access(file, mode);
    return true;
  } catch {
    return false;
  }
}
