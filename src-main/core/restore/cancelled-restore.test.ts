// The tidy-up after a cancelled restore, on real files in a temporary folder: the half-written file
// goes, a finished one stays, and in the original location a file borg had not touched yet stays.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveEntry } from '../../model/archive.js';
import { cancelledSummary, settleCancelledRestore, type CancelledRestoreInput } from './cancelled-restore.js';
import type { RestoreTree } from './restore-planner.js';

const entries: ArchiveEntry[] = [
  { path: 'home', name: 'home', type: 'directory', size: 0, mtime: '2024-01-01T00:00:00' },
  { path: 'home/done.txt', name: 'done.txt', type: 'file', size: 5, mtime: '2024-01-01T00:00:00' },
  { path: 'home/big.bin', name: 'big.bin', type: 'file', size: 1000, mtime: '2024-01-01T00:00:00' },
  { path: 'home/later.txt', name: 'later.txt', type: 'file', size: 3, mtime: '2024-01-01T00:00:00' },
] as ArchiveEntry[];
const tree: RestoreTree = {
  lookup: (p) => entries.find((e) => e.path === p),
  walk: (_paths, visit) => entries.forEach(visit),
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-cancelled-'));
  await writeFile(path.join(dir, 'done.txt'), 'done!');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const input = (over: Partial<CancelledRestoreInput>): CancelledRestoreInput => ({
  targetDir: dir,
  listed: new Set(['', 'done.txt', 'big.bin']),
  last: 'big.bin',
  tree,
  paths: [],
  stripComponents: 1,
  freshFolder: true,
  startedAtMs: Date.now() - 1000,
  ...over,
});
const exists = (name: string): Promise<boolean> =>
  stat(path.join(dir, name)).then(
    () => true,
    () => false,
  );

describe('settleCancelledRestore', () => {
  it('removes the incomplete file borg was writing and counts the finished ones', async () => {
    await writeFile(path.join(dir, 'big.bin'), Buffer.alloc(400));
    const outcome = await settleCancelledRestore(input({}));
    expect(outcome).toEqual({ restoredFiles: 1, restoredBytes: 5, removedPartial: 'big.bin' });
    expect(await exists('big.bin')).toBe(false);
    expect(await readFile(path.join(dir, 'done.txt'), 'utf8')).toBe('done!');
    expect(cancelledSummary(outcome, dir)).toBe(
      `Cancelled — 1 file restored in ${dir}; the file being written, big.bin, was removed because it was incomplete.`,
    );
  });

  it('keeps the last file when borg had finished it', async () => {
    await writeFile(path.join(dir, 'big.bin'), Buffer.alloc(1000));
    expect(await settleCancelledRestore(input({}))).toEqual({ restoredFiles: 2, restoredBytes: 1005 });
    expect(await exists('big.bin')).toBe(true);
  });

  it('in the original location, never removes a file that is older than the restore', async () => {
    // The user's own big.bin, which borg had named but not yet replaced when it was stopped.
    await writeFile(path.join(dir, 'big.bin'), 'mine');
    const outcome = await settleCancelledRestore(
      input({ freshFolder: false, startedAtMs: Date.now() + 60_000 }),
    );
    expect(outcome).toEqual({ restoredFiles: 1, restoredBytes: 5 });
    expect(await readFile(path.join(dir, 'big.bin'), 'utf8')).toBe('mine');
  });

  it('in the original location, removes the incomplete file borg wrote after the start', async () => {
    await writeFile(path.join(dir, 'big.bin'), Buffer.alloc(10));
    const outcome = await settleCancelledRestore(input({ freshFolder: false }));
    expect(outcome.removedPartial).toBe('big.bin');
    expect(cancelledSummary(outcome, '/')).toMatch(
      /^Cancelled — 1 file restored to their original locations;/,
    );
  });

  it('has nothing to remove when borg was stopped before creating the file', async () => {
    expect(await settleCancelledRestore(input({}))).toEqual({ restoredFiles: 1, restoredBytes: 5 });
    expect(await settleCancelledRestore(input({ listed: new Set(), last: undefined }))).toEqual({
      restoredFiles: 0,
      restoredBytes: 0,
    });
  });
});
