// Integration: cleaning up the mount folders of a Borgdesk run that was killed, against real borg
// mounts. Mounting needs FUSE and the right to mount; where a trial mount fails, the mount tests
// print why and are skipped by this runtime check (as in borg/commands/mount.integration.test.ts).
import { chown, lstat, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fuseAvailability, runMount, runUmount } from '../../borg/commands/mount.js';
import { runInit } from '../../borg/commands/init.js';
import { makeSourceTree, processesMentioning, SOURCE_FILES } from '../../borg/commands/restore-test-tree.js';
import { capabilitiesOf, newArchiveTail } from '../../borg/command-shape.js';
import { runBorg } from '../../borg/exec.js';
import { createSandbox, TEST_BORG } from '../../borg/test-sandbox.js';
import { cleanUpLeftoverMounts, mountFolderOwnerPid } from './leftover-mounts.js';
import { MountManager } from './mount-manager.js';

const box = await createSandbox();
const repo = box.path('repo');
const ctx = box.ctx({ passphrase: 'left behind' });
const tmpDir = box.path('tmp');
const NOTES = 'src/notes.txt';
/** Where the files of archive "one" start in a mount of it: borg 2 adds a folder named after it. */
const archiveFiles = (mountPoint: string): string =>
  capabilitiesOf(ctx).mountShowsArchiveFolders ? path.join(mountPoint, 'one') : mountPoint;

await mkdir(tmpDir);
await runInit({ location: repo, encryption: 'repokey', newPassphrase: 'left behind' }, box.ctx());
await makeSourceTree(box.dir);
await runBorg(['create', ...newArchiveTail(capabilitiesOf(ctx), repo, 'one', ['src'])], ctx, {
  cwd: box.dir,
});

const availability = await fuseAvailability(TEST_BORG);
let cannotMount = availability.reason;
if (availability.available) {
  const trial = box.path('trial');
  await mkdir(trial);
  try {
    await runMount({ location: repo, archiveName: 'one', mountPoint: trial }, ctx);
    await runUmount({ mountPoint: trial }, ctx);
  } catch (e) {
    cannotMount = `a trial mount failed: ${e instanceof Error ? e.message : String(e)}`;
  }
}
if (cannotMount !== undefined) console.log(`Skipping the leftover mount tests that mount: ${cannotMount}`);
const notRoot = process.getuid?.() !== 0;
if (notRoot)
  console.log('Skipping the other-owner leftover test: only root can make a folder for another user.');

// A pid no process has now, as the pid of a Borgdesk run that was killed.
const deadPid = await (async () => {
  const max = Number((await readFile('/proc/sys/kernel/pid_max', 'utf8')).trim());
  for (let pid = max - 1; pid > 1; pid--) {
    try {
      process.kill(pid, 0);
    } catch (e) {
      if (typeof e === 'object' && e !== null && 'code' in e && e.code === 'ESRCH') return pid;
    }
  }
  throw new Error('every pid is in use');
})();

const leftover = (suffix: string): string => path.join(tmpDir, `borgdesk-mount-${deadPid}-${suffix}`);
const exists = (p: string): Promise<boolean> =>
  lstat(p).then(
    () => true,
    () => false,
  );
const isMounted = async (dir: string): Promise<boolean> =>
  (await stat(dir)).dev !== (await stat(path.dirname(dir))).dev;
const noBorg = (): Promise<string> => Promise.reject(new Error('Borg was not found.'));

afterAll(async () => {
  for (const name of await readdir(tmpDir).catch(() => [])) {
    await runUmount({ mountPoint: path.join(tmpDir, name) }, ctx).catch(() => undefined);
  }
  await box.cleanup();
});

describe('cleanUpLeftoverMounts', () => {
  it.skipIf(cannotMount !== undefined)(
    "unmounts a killed run's live and dead mounts and removes their folders; a running one's mount stays",
    async () => {
      // Borg still serves this one: its Borgdesk was killed, borg's background process was not.
      const live = leftover('Live01');
      await mkdir(live);
      await runMount({ location: repo, archiveName: 'one', mountPoint: live }, ctx);
      expect(await readFile(path.join(archiveFiles(live), NOTES), 'utf8')).toBe(SOURCE_FILES[NOTES]);
      // Here borg was killed too: the folder answers ENOTCONN and is still a mount point.
      const dead = leftover('Dead01');
      await mkdir(dead);
      await runMount({ location: repo, archiveName: 'one', mountPoint: dead }, ctx);
      const deadBorg = await processesMentioning(dead);
      expect(deadBorg.length).toBeGreaterThan(0);
      for (const pid of deadBorg) process.kill(pid, 'SIGKILL');
      await expect(
        waitFor(async () => (await stat(dead).catch((e: NodeJS.ErrnoException) => e.code)) === 'ENOTCONN'),
      ).resolves.toBe(true);
      // This process runs on, so the mount its manager made is in use and must stay.
      const manager = new MountManager({
        resolve: async () => ({ location: repo, name: 'repo', ctx }),
        runInLane: (_repoId, task) => task(),
        borgPath: async () => TEST_BORG,
        hasActiveJob: () => false,
        emit: () => undefined,
        platform: 'linux',
        tmpDir,
      });
      const inUse = await manager.mount('repo-id', 'one');
      expect(mountFolderOwnerPid(path.basename(inUse.mountPoint))).toBe(process.pid);

      const cleanup = await cleanUpLeftoverMounts({ tmpDir, borgPath: async () => TEST_BORG });

      expect([...cleanup.removed].sort()).toEqual([dead, live]);
      expect(cleanup.kept).toEqual([]);
      expect(await exists(live)).toBe(false);
      expect(await exists(dead)).toBe(false);
      expect(await waitFor(async () => (await processesMentioning(live)).length === 0)).toBe(true);
      expect(await isMounted(inUse.mountPoint)).toBe(true);
      // The manager says where the files start (borg 2 puts them in a folder named after the archive).
      expect(inUse.filesAt ?? inUse.mountPoint).toBe(archiveFiles(inUse.mountPoint));
      expect(await readFile(path.join(archiveFiles(inUse.mountPoint), NOTES), 'utf8')).toBe(
        SOURCE_FILES[NOTES],
      );
      await manager.dispose();
      expect(await exists(inUse.mountPoint)).toBe(false);
      // Nothing holds the repository any more: a backup gets its exclusive lock at once.
      await runBorg(
        ['create', '--lock-wait=1', ...newArchiveTail(capabilitiesOf(ctx), repo, 'after', ['src'])],
        ctx,
        {
          cwd: box.dir,
        },
      );
    },
  );

  it('removes empty folders of ended runs even without borg, and leaves everything else alone', async () => {
    const empty = leftover('Empty1');
    await mkdir(empty);
    const withFiles = leftover('Files1');
    await box.writeText(path.join(withFiles, 'keep.txt'), 'mine');
    const notAFolder = leftover('File01');
    await writeFile(notAFolder, 'a file');
    const running = path.join(tmpDir, `borgdesk-mount-${process.pid}-Runs01`);
    await mkdir(running);
    const otherNames = [
      'borgdesk-mount-Old001',
      `borgdesk-mount-${deadPid}-toolong1`,
      `other-${deadPid}-Abc123`,
    ];
    for (const name of otherNames) await mkdir(path.join(tmpDir, name));

    const cleanup = await cleanUpLeftoverMounts({ tmpDir, borgPath: noBorg });

    expect(cleanup.removed).toEqual([empty]);
    expect(await exists(empty)).toBe(false);
    expect(cleanup.kept).toHaveLength(2);
    expect(cleanup.kept).toEqual(
      expect.arrayContaining([
        { folder: withFiles, reason: expect.stringContaining('ENOTEMPTY') },
        { folder: notAFolder, reason: 'it is not a folder' },
      ]),
    );
    expect(await readFile(path.join(withFiles, 'keep.txt'), 'utf8')).toBe('mine');
    expect(await readFile(notAFolder, 'utf8')).toBe('a file');
    const untouched = [withFiles, notAFolder, running].map((p) => path.basename(p));
    expect((await readdir(tmpDir)).sort()).toEqual([...untouched, ...otherNames].sort());
  });

  it.skipIf(notRoot)("leaves another user's folder alone", async () => {
    const foreign = leftover('Other1');
    await mkdir(foreign);
    await chown(foreign, 65534, 65534);
    const cleanup = await cleanUpLeftoverMounts({ tmpDir, borgPath: noBorg });
    expect(cleanup.kept).toContainEqual({ folder: foreign, reason: 'it belongs to another user' });
    expect(cleanup.removed).not.toContain(foreign);
    expect((await lstat(foreign)).uid).toBe(65534);
  });

  it('finds nothing to do in a folder that does not exist', async () => {
    expect(await cleanUpLeftoverMounts({ tmpDir: box.path('nowhere'), borgPath: noBorg })).toEqual({
      removed: [],
      kept: [],
      stillMounted: [],
    });
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
