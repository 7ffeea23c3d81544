/**
 * Force-unmounting a FUSE mount that is busy (a program still has a file open in it, or its window
 * sits in a folder of it), which `borg umount` refuses. Linux: `fusermount -u -z` (fusermount3 on
 * systems with only FUSE 3, `umount -l` as root without either) detaches the mount at once; the
 * programs keep what they have open, and the kernel lets borg go once they close it. macOS:
 * `diskutil unmount force`, then `umount -f`. Not borg itself: borg 1.2 has no lazy unmount.
 */
import { runProgram, type ProgramResult } from '../exec.js';

/** The commands tried, in order, until one succeeds. */
export function lazyUnmountCommands(mountPoint: string, platform: NodeJS.Platform): [string, string[]][] {
  if (platform === 'darwin') {
    return [
      ['diskutil', ['unmount', 'force', mountPoint]],
      ['umount', ['-f', mountPoint]],
    ];
  }
  return [
    ['fusermount', ['-u', '-z', '--', mountPoint]],
    ['fusermount3', ['-u', '-z', '--', mountPoint]],
    ['umount', ['-l', '--', mountPoint]],
  ];
}

/** Detaches `mountPoint` now; rejects with the last tool's words when none could. */
export async function runLazyUnmount(mountPoint: string, platform: NodeJS.Platform): Promise<void> {
  let last: ProgramResult | undefined;
  for (const [file, args] of lazyUnmountCommands(mountPoint, platform)) {
    const outcome = await runProgram(file, args, { timeoutMs: 15_000 });
    if (outcome.exitCode === 0) return;
    // A tool this computer lacks is no answer; the next one may exist.
    if (outcome.spawnError !== 'ENOENT' || last === undefined) last = outcome;
  }
  const said = last === undefined ? '' : (last.spawnError ?? `${last.stdout}\n${last.stderr}`.trim());
  throw new Error(`${mountPoint} could not be detached: ${said || 'no unmount tool was found'}`);
}
