/**
 * An archive mount whose host was SIGKILLed while a program kept a file of it open, with the real
 * /usr/bin/borg and FUSE: borg's background process outlives the host and keeps the repository's
 * lock. The next start lists the mount as left behind; Unmount fails because it is busy; Force
 * unmount (lazy) detaches it, ends that borg, and the repository takes a backup again. Temp config,
 * home, BORG_BASE_DIR, TMPDIR and repository, all removed afterwards.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLazyUnmount } from '../../borg/commands/lazy-unmount.js';
import { fuseAvailability } from '../../borg/commands/mount.js';
import { TEST_BORG } from '../../borg/test-sandbox.js';
import type { Mount } from '../../model/restore.js';
import type { Core } from '../services.js';
import {
  borgCli,
  borgPidsFor,
  bundleChildCore,
  killAndWait,
  startChildCore,
  type ChildCore,
} from '../test-support/child-core.js';
import { startTestCore } from '../test-support/test-core.js';
import { markerPathOf } from './mount-marker.js';

const PASSPHRASE = 'orphaned mount 51c0';

const skipReason = await (async (): Promise<string | undefined> => {
  if (process.platform !== 'linux' || !existsSync('/proc/self/mountinfo'))
    return 'they need Linux with /proc';
  if (!existsSync('/dev/fuse')) return '/dev/fuse is missing';
  const fuse = await fuseAvailability(TEST_BORG);
  return fuse.available ? undefined : fuse.reason;
})();
if (skipReason !== undefined) console.warn(`[skip] orphaned mount tests: ${skipReason}`);

let root: string;
let borgBase: string;
let mountParent: string;
const children: ChildCore[] = [];
const cores: Core[] = [];
const savedBase = process.env['BORG_BASE_DIR'];

beforeAll(async () => {
  if (skipReason !== undefined) return;
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-orphan-'));
  borgBase = path.join(root, 'borg-base');
  mountParent = path.join(root, 'tmp');
  process.env['BORG_BASE_DIR'] = borgBase;
  for (const dir of ['home', 'small', 'tmp']) await fs.mkdir(path.join(root, dir), { recursive: true });
  await fs.writeFile(path.join(root, 'small', 'note.txt'), 'kept open while the host dies\n');
});

afterAll(async () => {
  if (skipReason !== undefined) return;
  await Promise.all(children.map((c) => c.kill()));
  await Promise.all(cores.map((c) => c.dispose()));
  for (const name of await fs.readdir(mountParent).catch(() => [])) {
    await runLazyUnmount(path.join(mountParent, name), 'linux').catch(() => undefined);
  }
  await killAndWait(await borgPidsFor(path.join(root, 'repo')));
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

describe.skipIf(skipReason !== undefined)('a busy mount left by a SIGKILLed host, with real borg', () => {
  it('is listed at the next start; Unmount says it is busy; Force unmount frees the repository', async () => {
    const repo = path.join(root, 'repo');
    const configDir = path.join(root, 'config');
    const homeDir = path.join(root, 'home');
    const small = path.join(root, 'small');
    const script = await bundleChildCore(root);
    const plan = {
      ...{ configDir, homeDir, repoLocation: repo, passphrase: PASSPHRASE },
      ...{ smallSource: small, bigSource: small, mode: 'mount' as const },
    };
    const child = startChildCore(script, plan, borgBase, { TMPDIR: mountParent });
    children.push(child);
    const ready = await child.waitFor((r) => r.type === 'ready', 60_000);
    const mounted = await child.waitFor((r) => r.type === 'mounted', 60_000);
    if (ready.type !== 'ready' || mounted.type !== 'mounted') throw new Error('unexpected report');
    const { mountPoint } = mounted;
    expect(path.dirname(mountPoint)).toBe(mountParent);
    expect(JSON.parse(await fs.readFile(markerPathOf(mountPoint), 'utf8'))).toMatchObject({
      repoId: ready.repoId,
      archiveName: 'small',
    });

    // A program keeps a file of the mount open; then the host dies without unmounting.
    const open = await fs.open(path.join(mountPoint, small.slice(1), 'note.txt'), 'r');
    try {
      await child.kill();
      expect(await borgPidsFor(repo)).not.toHaveLength(0);
      expect(
        (await borgCli(['create', '--lock-wait=1', `${repo}::blocked`, small], PASSPHRASE, borgBase))
          .exitCode,
      ).toBe(2);

      const core = await startTestCore({
        configDir,
        homeDir,
        services: { env: { ...process.env, TMPDIR: mountParent } },
      });
      cores.push(core);
      const leftover = await waitForMount(core, mountPoint);
      expect(leftover).toMatchObject({
        repoId: ready.repoId,
        archiveName: 'small',
        leftover: true,
        repoName: 'Killed',
      });
      await expect(
        core.handlers['jobs:start-backup']({
          ...{ repoId: ready.repoId, sourcePaths: [small], archiveName: 'refused', compression: 'none' },
          ...{ excludeCaches: false, excludePatterns: [] },
        }),
      ).rejects.toMatchObject({ code: 'RepositoryMounted' });

      await expect(core.handlers['mount:unmount']({ mountPoint })).rejects.toMatchObject({
        code: 'MountBusy',
      });
      expect((await core.handlers['mount:status']({})).mounts).toHaveLength(1);

      const after = await core.handlers['mount:unmount']({ mountPoint, lazy: true });
      expect(after.mounts).toEqual([]);
      expect(existsSync(mountPoint)).toBe(false);
      expect(existsSync(markerPathOf(mountPoint))).toBe(false);
      expect(await borgPidsFor(repo)).toEqual([]);
    } finally {
      await open.close().catch(() => undefined);
    }
    const backup = await borgCli(['create', '--lock-wait=5', `${repo}::after`, small], PASSPHRASE, borgBase);
    expect(backup.output).toBe('');
    expect(backup.exitCode).toBe(0);
  });
});

// The core cleans up in the background at start; the busy mount shows up once that is done.
async function waitForMount(core: Core, mountPoint: string): Promise<Mount | undefined> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const found = (await core.handlers['mount:status']({})).mounts.find((m) => m.mountPoint === mountPoint);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}
