/**
 * Cancelling a restore, comparing archives, file versions and mounting through createCore's
 * handlers with the real /usr/bin/borg (restoring itself: restore.integration.test.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arch,
  backUp,
  big,
  core,
  finished,
  recorder,
  repoId,
  root,
  setUpRestoreCore,
  source,
  sourceFile,
  tearDownRestoreCore,
} from './test-restore-core.js';

beforeAll(() => setUpRestoreCore(true), 180_000);
afterAll(tearDownRestoreCore);

describe('archives through the core: cancel, compare, versions, mount', () => {
  it('cancels a restore while it runs', async () => {
    const ref = { repoId, archiveName: 'big' };
    const parent = path.join(root, 'cancelled');
    await fs.mkdir(parent);
    const { jobId } = await core.handlers['jobs:start-restore']({
      ...ref,
      paths: [],
      destination: { mode: 'new-folder', parent },
      stripComponents: 0,
      onConflict: 'skip',
    });
    await recorder.waitFor(
      'job:progress',
      (p) => p.jobId === jobId && (p.progress.kind === 'step' ? (p.progress.bytesDone ?? 0) > 0 : false),
    );
    expect(await core.handlers['jobs:cancel']({ jobId })).toEqual({ cancelled: true });
    const done = await finished(jobId);
    expect(done.status).toBe('cancelled');
    const progress = done.progress;
    expect(progress?.kind === 'step' ? progress.bytesTotal : 0).toBe(300 * 1024 * 1024);
    expect(progress?.kind === 'step' ? progress.currentPath : '').toBe(arch(path.join(big, 'random.bin')));
    // The half-written file is gone, and the result says so and where the rest is.
    const bigFile = arch(path.join(big, 'random.bin'));
    const result = done.restoreResult;
    expect(result?.partialFile).toEqual({ path: bigFile, removed: true });
    expect(result?.fileCount).toBe(0);
    const folder = result?.targetDir ?? '';
    expect(path.dirname(folder)).toBe(parent);
    await expect(fs.lstat(path.join(folder, bigFile))).rejects.toMatchObject({ code: 'ENOENT' });
    // Its folders stay (borg made them), so the new folder does too.
    expect((await fs.stat(path.join(folder, path.dirname(bigFile)))).isDirectory()).toBe(true);
    const log = (await core.handlers['jobs:log']({ jobId })).map((e) => e.message);
    expect(log.at(-1)).toBe(
      `Cancelled — 0 files restored in ${folder}; the file being written, ${bigFile}, was removed because it was incomplete.`,
    );
    expect(log.some((line) => line === bigFile)).toBe(false);
  });

  it('compares two archives', async () => {
    const diff = await core.handlers['archives:diff']({ repoId, archiveA: 'first', archiveB: 'second' });
    const byPath = new Map(diff.items.map((i) => [i.path, i.category]));
    expect(byPath.get(arch(sourceFile('docs/a.txt')))).toBe('modified');
    expect(byPath.get(arch(sourceFile('docs/new.txt')))).toBe('added');
    expect(byPath.get(arch(sourceFile('-rf')))).toBe('removed');
    expect(byPath.get(arch(sourceFile('-rf/x.bin')))).toBe('removed');
    expect(diff.counts).toMatchObject({ added: 1, removed: 2 });
    expect(diff.truncated).toBe(false);
  });

  it('lists the versions of a file across archives', async () => {
    const { versions, archivesSearched } = await core.handlers['archives:versions']({
      repoId,
      path: arch(sourceFile('docs/a.txt')),
    });
    expect(archivesSearched).toBe(3);
    expect(versions.map((v) => v.archiveName)).toEqual(['second', 'first']);
    expect(versions.map((v) => v.size)).toEqual([14, 6]);
    // The repository details hand their listing to the index: cached indexes stay usable.
    expect((await core.handlers['repos:details']({ repoId })).archives).toHaveLength(3);
    expect(await core.handlers['archives:open']({ repoId, archiveName: 'second' })).toMatchObject({
      status: 'ready',
    });
  });

  it('mounts an archive, refuses backups while mounted, and unmounts on dispose', async () => {
    const status = await core.handlers['mount:status']({});
    if (!status.available) {
      console.log(`[restore.integration] mount not tested: ${status.reason ?? 'no reason given'}`);
      expect(status.reason).toBeTruthy();
      return;
    }
    // Not while a job of the repository is queued or running.
    const busy = await core.handlers['jobs:start-restore']({
      repoId,
      archiveName: 'big',
      paths: [],
      destination: { mode: 'new-folder', parent: path.join(root, 'cancelled') },
      stripComponents: 0,
      onConflict: 'skip',
    });
    await expect(core.handlers['mount:mount']({ repoId, archiveName: 'first' })).rejects.toMatchObject({
      code: 'Busy',
    });
    await core.handlers['jobs:cancel']({ jobId: busy.jobId });
    expect((await finished(busy.jobId)).status).toBe('cancelled');
    await expect(core.handlers['mount:unmount']({ mountPoint: root })).rejects.toMatchObject({
      code: 'NotFound',
    });

    const mount = await core.handlers['mount:mount']({ repoId, archiveName: 'first' });
    expect(path.basename(mount.mountPoint)).toMatch(/^borgdesk-mount-/);
    expect(await fs.readFile(path.join(mount.mountPoint, arch(sourceFile('docs/b.txt'))), 'utf8')).toBe(
      'bravo\n',
    );
    expect((await recorder.waitFor('mount:changed', (s) => s.mounts.length === 1)).mounts[0]).toEqual(mount);
    await expect(
      core.handlers['jobs:start-backup']({
        repoId,
        sourcePaths: [source],
        archiveName: 'while-mounted',
        compression: 'lz4',
        excludeCaches: false,
        excludePatterns: [],
      }),
    ).rejects.toMatchObject({ code: 'RepositoryMounted' });
    // Reading still works while mounted (borg's shared lock).
    const copy = path.join(root, 'copy while mounted.txt');
    const saved = await core.handlers['jobs:save-copy']({
      repoId,
      archiveName: 'first',
      path: arch(sourceFile('docs/b.txt')),
      targetPath: copy,
    });
    expect((await finished(saved.jobId)).status).toBe('succeeded');

    const after = await core.handlers['mount:unmount']({ mountPoint: mount.mountPoint });
    expect(after.mounts).toEqual([]);
    await expect(fs.stat(mount.mountPoint)).rejects.toMatchObject({ code: 'ENOENT' });
    await backUp([path.join(source, 'docs')], 'after-unmount');

    const whole = await core.handlers['mount:mount']({ repoId });
    expect((await fs.readdir(whole.mountPoint)).sort()).toEqual(['after-unmount', 'big', 'first', 'second']);
    await core.dispose();
    await expect(fs.stat(whole.mountPoint)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
