/**
 * Browsing, restoring, saving a copy, comparing and mounting through createCore's handlers with the
 * real /usr/bin/borg: temp BORG_BASE_DIR, config, cache, repository and source folders, all removed.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveRef } from '../../model/archive.js';
import type { BackupRequest, JobSnapshot } from '../../model/job.js';
import type { RestoreRequest } from '../../model/restore.js';
import type { Core } from '../services.js';
import { EventRecorder } from '../test-support/event-recorder.js';
import { startTestCore } from '../test-support/test-core.js';

let root: string;
let source: string;
let big: string;
let core: Core;
let recorder: EventRecorder;
let repoId: string;
const opened: string[] = [];
const savedBase = process.env['BORG_BASE_DIR'];

// Archive paths have no leading slash; borg stores /tmp/x as tmp/x.
const arch = (p: string): string => p.replace(/^\/+/, '');
const depth = (p: string): number => arch(p).split('/').length;
const sourceFile = (...parts: string[]): string => path.join(source, ...parts);

async function backUp(sourcePaths: string[], archiveName: string): Promise<string> {
  const request: BackupRequest = {
    repoId,
    sourcePaths,
    archiveName,
    compression: 'lz4',
    excludeCaches: false,
    excludePatterns: [],
  };
  const { jobId } = await core.handlers['jobs:start-backup'](request);
  const done = await recorder.waitFor('job:finished', (j) => j.id === jobId, 120_000);
  expect(done.status).toBe('succeeded');
  return jobId;
}

async function finished(jobId: string, timeoutMs = 60_000): Promise<JobSnapshot> {
  return recorder.waitFor('job:finished', (j) => j.id === jobId, timeoutMs);
}

async function openReady(ref: ArchiveRef): Promise<void> {
  const state = await core.handlers['archives:open'](ref);
  if (state.status === 'ready') return;
  const final = await recorder.waitFor(
    'archive-index:updated',
    (s) => s.archiveName === ref.archiveName && s.status !== 'loading',
  );
  expect(final.status).toBe('ready');
}

async function expectSameFile(restored: string, original: string): Promise<void> {
  expect((await fs.readFile(restored)).equals(await fs.readFile(original))).toBe(true);
  const [a, b] = await Promise.all([fs.stat(restored), fs.stat(original)]);
  expect(Math.floor(a.mtimeMs)).toBe(Math.floor(b.mtimeMs));
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-restore-it-'));
  source = path.join(root, 'source');
  big = path.join(root, 'big');
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  const files: Record<string, string | Buffer> = {
    'docs/a.txt': 'alpha\n',
    'docs/b.txt': 'bravo\n',
    'Ünïcode dir/file with spaces.txt': 'ünïcödé ✓\n',
    '-rf/x.bin': randomBytes(64 * 1024),
    'nested/deep/data.bin': randomBytes(1024 * 1024),
  };
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(sourceFile(name)), { recursive: true });
    await fs.writeFile(sourceFile(name), content);
  }
  // Distinct, old mtimes: a restore must bring them back, not leave "now".
  await fs.utimes(sourceFile('docs/a.txt'), new Date(2020, 0, 2), new Date(2020, 0, 2, 3, 4, 5));
  await fs.utimes(sourceFile('-rf/x.bin'), new Date(2021, 5, 6), new Date(2021, 5, 6, 7, 8, 9));
  await fs.mkdir(big, { recursive: true });
  const handle = await fs.open(path.join(big, 'random.bin'), 'w');
  for (let i = 0; i < 300; i++) await handle.write(randomBytes(1024 * 1024));
  await handle.close();

  const home = path.join(root, 'home');
  await fs.mkdir(home, { recursive: true });
  core = await startTestCore({
    configDir: path.join(root, 'config'),
    cacheDir: path.join(root, 'cache'),
    homeDir: home,
    services: {
      host: 'electron',
      fileManager: {
        openPath: async (p) => {
          opened.push(p);
          return true;
        },
      },
    },
  });
  recorder = new EventRecorder(core);
  const repo = await core.handlers['repos:create']({
    name: 'Restore test',
    location: path.join(root, 'repo'),
    encryption: 'none',
  });
  repoId = repo.id;
  const backupJob = await backUp([source], 'first');
  const log = await core.handlers['jobs:log']({ jobId: backupJob });
  expect(log[0]?.message).toMatch(/^Running: borg create --progress --json .* -- .*::first '?\//);
  expect(log.at(-1)?.message).toMatch(/^Archive first: 5 files, .* original, .* deduplicated, [\d.]+ s$/);
  // `borg list` gives archive times in whole seconds: start the next archive in a later second
  // so "newest first" is well defined.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  // The second archive: one file edited, one added, one removed.
  await fs.writeFile(sourceFile('docs/a.txt'), 'alpha, edited\n');
  await fs.writeFile(sourceFile('docs/new.txt'), 'new\n');
  await fs.rm(sourceFile('-rf'), { recursive: true });
  await backUp([source], 'second');
  await fs.rm(sourceFile('docs/new.txt'));
  await fs.mkdir(sourceFile('-rf'));
  await fs.writeFile(sourceFile('-rf/x.bin'), files['-rf/x.bin'] ?? '');
  await fs.utimes(sourceFile('-rf/x.bin'), new Date(2021, 5, 6), new Date(2021, 5, 6, 7, 8, 9));
  await fs.writeFile(sourceFile('docs/a.txt'), 'alpha\n');
  await fs.utimes(sourceFile('docs/a.txt'), new Date(2020, 0, 2), new Date(2020, 0, 2, 3, 4, 5));
  await backUp([big], 'big');
}, 180_000);

afterAll(async () => {
  recorder.stop();
  await core.dispose();
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

describe('restore through the core', () => {
  const first: () => ArchiveRef = () => ({ repoId, archiveName: 'first' });

  it('browses an archive folder by folder', async () => {
    await openReady(first());
    const top = await core.handlers['archives:folder']({
      ...first(),
      path: '',
      sort: { key: 'name', direction: 'asc' },
      offset: 0,
      limit: 100,
    });
    expect(top.entries.map((e) => e.name)).toEqual([arch(source).split('/')[0]]);
    const folder = await core.handlers['archives:folder']({
      ...first(),
      path: arch(source),
      sort: { key: 'name', direction: 'asc' },
      offset: 0,
      limit: 100,
    });
    expect(folder.complete).toBe(true);
    expect(folder.entries.map((e) => e.name).sort()).toEqual(['-rf', 'docs', 'nested', 'Ünïcode dir'].sort());
  });

  it('previews and restores a folder and a file into a new folder', async () => {
    const parent = path.join(root, 'restores');
    await fs.mkdir(parent);
    const request: RestoreRequest = {
      ...first(),
      paths: [arch(sourceFile('Ünïcode dir')), arch(sourceFile('-rf/x.bin')), arch(sourceFile('docs'))],
      destination: { mode: 'new-folder', parent },
      stripComponents: depth(source),
    };
    const preview = await core.handlers['restore:preview'](request);
    expect(preview.targetDir).toMatch(/\/Restored first \d{4}-\d\d-\d\d \d\d\.\d\d$/);
    expect(preview).toMatchObject({ fileCount: 4, conflictCount: 0, conflictExamples: [] });
    expect(preview.totalBytes).toBe(6 + 6 + Buffer.byteLength('ünïcödé ✓\n') + 64 * 1024);
    expect(preview.items).toContainEqual({
      archivePath: arch(sourceFile('docs/a.txt')),
      targetPath: path.join(preview.targetDir, 'docs/a.txt'),
    });

    const { jobId } = await core.handlers['jobs:start-restore']({ ...request, onConflict: 'skip' });
    const done = await finished(jobId);
    expect(done.status).toBe('succeeded');
    expect(done.kind).toBe('restore');
    const result = done.restoreResult;
    expect(result).toMatchObject({ fileCount: 4, skippedCount: 0, warnings: [] });
    const target = result?.targetDir ?? '';
    expect(path.dirname(target)).toBe(parent);
    for (const f of ['docs/a.txt', 'docs/b.txt', 'Ünïcode dir/file with spaces.txt', '-rf/x.bin'])
      await expectSameFile(path.join(target, f), sourceFile(f));
    expect(await fs.readdir(target)).not.toContain('nested');
    const log = (await core.handlers['jobs:log']({ jobId })).map((e) => e.message);
    expect(log[0]).toMatch(/^Running: borg extract --progress --strip-components=\d+ -- /);
    expect(log.at(-1)).toMatch(
      new RegExp(`^Restored 4 files \\(.*\\) into ${target.replace(/[.()]/g, '\\$&')}\\.$`),
    );

    // The same request again gets its own folder.
    expect((await core.handlers['restore:preview'](request)).targetDir).not.toBe(target);
    expect(await core.handlers['shell:open-path']({ path: target })).toEqual({ opened: true });
    expect(opened).toEqual([target]);
  });

  it('skips or overwrites existing files in the original place', async () => {
    const docs = sourceFile('docs');
    const request: RestoreRequest = {
      ...first(),
      paths: [arch(docs)],
      destination: { mode: 'original' },
      stripComponents: 0,
    };
    await fs.writeFile(path.join(docs, 'a.txt'), 'edited since\n');
    await fs.rm(path.join(docs, 'b.txt'));
    const preview = await core.handlers['restore:preview'](request);
    expect(preview.targetDir).toBe('/');
    expect(preview.conflictCount).toBe(1);
    expect(preview.conflictExamples).toEqual([path.join(docs, 'a.txt')]);

    const skipped = await finished(
      (await core.handlers['jobs:start-restore']({ ...request, onConflict: 'skip' })).jobId,
    );
    expect(skipped.status).toBe('succeeded');
    expect(skipped.restoreResult).toMatchObject({ targetDir: '/', fileCount: 1, skippedCount: 1 });
    expect((await core.handlers['jobs:log']({ jobId: skipped.id })).map((e) => e.message)).toContain(
      'Leaving 1 existing item unchanged (passed to borg with --exclude-from).',
    );
    expect(await fs.readFile(path.join(docs, 'a.txt'), 'utf8')).toBe('edited since\n');
    expect(await fs.readFile(path.join(docs, 'b.txt'), 'utf8')).toBe('bravo\n');

    const replaced = await finished(
      (await core.handlers['jobs:start-restore']({ ...request, onConflict: 'overwrite' })).jobId,
    );
    expect(replaced.restoreResult).toMatchObject({ fileCount: 2, skippedCount: 0 });
    await expectSameFile(
      path.join(docs, 'a.txt'),
      path.join(root, 'restores', (await fs.readdir(path.join(root, 'restores')))[0] ?? '', 'docs/a.txt'),
    );
    expect(await fs.readFile(path.join(docs, 'a.txt'), 'utf8')).toBe('alpha\n');
  });

  it('rejects paths that are not in the archive, and restores that would write nothing', async () => {
    await expect(
      core.handlers['restore:preview']({
        ...first(),
        paths: ['--help'],
        destination: { mode: 'original' },
        stripComponents: 0,
      }),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
    await expect(
      core.handlers['jobs:start-restore']({
        ...first(),
        paths: [arch(sourceFile('docs'))],
        destination: { mode: 'original' },
        stripComponents: 99,
        onConflict: 'skip',
      }),
    ).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringMatching(/^Nothing would be restored/),
    });
  });

  it('saves a copy of one file, and refuses to overwrite one', async () => {
    const target = path.join(root, 'copy of data.bin');
    const { jobId } = await core.handlers['jobs:save-copy']({
      ...first(),
      path: arch(sourceFile('nested/deep/data.bin')),
      targetPath: target,
    });
    const done = await finished(jobId);
    expect(done.status).toBe('succeeded');
    expect(done.restoreResult).toMatchObject({ targetDir: root, fileCount: 1, totalBytes: 1024 * 1024 });
    await expectSameFile(target, sourceFile('nested/deep/data.bin'));
    expect((await fs.readdir(root)).filter((n) => n.startsWith('.borgdesk-save-'))).toEqual([]);
    await expect(
      core.handlers['jobs:save-copy']({
        ...first(),
        path: arch(sourceFile('docs/b.txt')),
        targetPath: target,
      }),
    ).rejects.toMatchObject({ code: 'AlreadyExists', message: `${target} already exists.` });
    await expect(
      core.handlers['jobs:save-copy']({
        ...first(),
        path: arch(sourceFile('docs')),
        targetPath: `${target}.2`,
      }),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
  });

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
    const log = (await core.handlers['jobs:log']({ jobId })).map((e) => e.message);
    expect(log.slice(-2)).toEqual([
      expect.stringMatching(/^Stopped early: what was restored so far is in /),
      'Cancelled.',
    ]);
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
