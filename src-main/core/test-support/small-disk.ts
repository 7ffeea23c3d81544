/**
 * Test-only: a real, small filesystem (a tmpfs of a few pages) that a test can fill up or make
 * read-only, so "the disk is full" comes from the kernel, not from a mock. Mounting needs root (or
 * CAP_SYS_ADMIN); without it mountSmallDisk resolves to the reason, for the test to print.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runHookCommand } from '../../borg/hook-command.js';

/** A mounted tmpfs. */
export interface SmallDisk {
  /** The mount point. */
  readonly dir: string;
  /** Write a filler file until the kernel says ENOSPC. */
  fill(): Promise<void>;
  /** Remove the filler file. */
  free(): Promise<void>;
  /** Remount read-only or read-write. */
  remount(mode: 'ro' | 'rw'): Promise<void>;
  /** Unmount and remove the mount point. */
  unmount(): Promise<void>;
}

async function run(command: string): Promise<{ ok: boolean; output: string }> {
  const lines: string[] = [];
  const outcome = await runHookCommand(command, { timeoutMs: 10_000, onLine: (line) => lines.push(line) });
  return { ok: outcome.exitCode === 0, output: lines.join(' ') };
}

/** Mount a tmpfs of `sizeKiB`; resolves to why not when this machine does not allow it. */
export async function mountSmallDisk(sizeKiB: number): Promise<SmallDisk | string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-small-disk-'));
  const mounted = await run(`mount -t tmpfs -o size=${sizeKiB}k,mode=0700 tmpfs '${dir}'`);
  if (!mounted.ok) {
    await rm(dir, { recursive: true, force: true });
    return `cannot mount a tmpfs here (${mounted.output || 'mount failed'})`;
  }
  const filler = path.join(dir, 'filler');
  return {
    dir,
    async fill() {
      try {
        await writeFile(filler, Buffer.alloc(sizeKiB * 1024 * 2));
      } catch (e) {
        if ((e as { code?: unknown }).code === 'ENOSPC') return;
        throw e;
      }
      throw new Error('the small disk did not fill up');
    },
    async free() {
      await rm(filler, { force: true });
    },
    async remount(mode) {
      const done = await run(`mount -o remount,${mode} '${dir}'`);
      if (!done.ok) throw new Error(`remount ${mode} failed: ${done.output}`);
    },
    async unmount() {
      await run(`umount '${dir}'`);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
