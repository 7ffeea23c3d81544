/**
 * Browsing, restoring and saving a copy through createCore's handlers with the real /usr/bin/borg
 * (cancelling, comparing, versions and mounting: archives.integration.test.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveRef } from '../../model/archive.js';
import type { RestoreRequest } from '../../model/restore.js';
import {
  arch,
  core,
  depth,
  expectSameFile,
  finished,
  opened,
  openReady,
  repoId,
  root,
  setUpRestoreCore,
  source,
  sourceFile,
  tearDownRestoreCore,
} from './test-restore-core.js';

beforeAll(() => setUpRestoreCore(false), 180_000);
afterAll(tearDownRestoreCore);

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
    expect(log[0]).toMatch(/^Running: borg extract --progress --list --strip-components=\d+ -- /);
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
    const log = (await core.handlers['jobs:log']({ jobId })).map((e) => e.message);
    expect(log[0]).toMatch(
      /^Running: borg extract --progress --strip-components=\d+ -- \S+::first \S+data\.bin$/,
    );
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
});
