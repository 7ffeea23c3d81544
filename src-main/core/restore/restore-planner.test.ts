import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestoreRequest } from '../../model/restore.js';
import { ArchiveTree } from '../archive-index/archive-tree.js';
import { planRestore, toPreview } from './restore-planner.js';
import {
  collapseSelection,
  normalizeArchivePath,
  restoreFolderName,
  sanitizeFileName,
  strippedPath,
} from './restore-paths.js';

const NOW = new Date(2024, 4, 1, 9, 7);

function tree(): ArchiveTree {
  const t = new ArchiveTree();
  const item = (type: string, p: string, size = 0) =>
    t.add({
      type,
      path: p,
      size,
      mode: `${type}rw-r--r--`,
      user: 'me',
      group: 'me',
      mtime: '2024-05-01T10:00:00.000000',
    });
  item('d', 'home');
  item('d', 'home/me');
  item('d', 'home/me/docs');
  item('-', 'home/me/docs/a.txt', 10);
  item('-', 'home/me/docs/b c ü.txt', 20);
  item('d', 'home/me/docs/-rf');
  item('-', 'home/me/docs/-rf/x', 30);
  item('l', 'home/me/link', 0);
  item('-', 'home/me/top.bin', 40);
  return t;
}

function request(patch: Partial<RestoreRequest>): RestoreRequest {
  return {
    repoId: 'r',
    archiveName: 'host-2024-05-01',
    paths: [],
    destination: { mode: 'original' },
    stripComponents: 0,
    ...patch,
  };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-planner-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('restore paths', () => {
  it('normalises UI paths and refuses ones that could climb out', () => {
    expect(normalizeArchivePath('/home/me/')).toBe('home/me');
    expect(normalizeArchivePath('-rf')).toBe('-rf');
    for (const bad of ['', '/', 'a/../b', 'a//b', './a', 'a/.', 'a\0b']) {
      expect(() => normalizeArchivePath(bad)).toThrow(/not a path inside the archive/);
    }
  });

  it('drops duplicates and paths inside another selected path', () => {
    expect(collapseSelection(['a/b', 'a', 'c', 'a/bc', 'c'])).toEqual(['a', 'c']);
    expect(collapseSelection(['a/b', 'a/bc'])).toEqual(['a/b', 'a/bc']);
  });

  it('strips leading components and drops paths that are too short, as borg does', () => {
    expect(strippedPath('home/me/a', 0)).toBe('home/me/a');
    expect(strippedPath('home/me/a', 2)).toBe('a');
    expect(strippedPath('home/me', 2)).toBeUndefined();
    expect(strippedPath('home', 2)).toBeUndefined();
  });

  it('names the new folder after the archive and the time, without illegal characters', () => {
    expect(restoreFolderName('host-2024', NOW)).toBe('Restored host-2024 2024-05-01 09.07');
    expect(restoreFolderName('a/b:c*?"<>|\\d.', NOW)).toBe('Restored a-b-c-------d 2024-05-01 09.07');
    expect(sanitizeFileName('...')).toBe('archive');
    expect(sanitizeFileName('tab\there\u007f')).toBe('tab-here-');
    expect(sanitizeFileName('x'.repeat(300))).toHaveLength(180);
  });
});

describe('planRestore', () => {
  it('plans a new folder, adding (2), (3)… when the name is taken', async () => {
    const parent = path.join(dir, 'new-folder');
    await fs.mkdir(parent);
    const req = request({ paths: ['home/me/docs'], destination: { mode: 'new-folder', parent } });
    const first = await planRestore(req, { tree: tree(), now: NOW });
    expect(first.targetDir).toBe(path.join(parent, 'Restored host-2024-05-01 2024-05-01 09.07'));
    expect(first.newFolder).toEqual({ parent, baseName: 'Restored host-2024-05-01 2024-05-01 09.07' });
    expect(first.conflicts).toEqual([]);
    await fs.mkdir(first.targetDir);
    const second = await planRestore(req, { tree: tree(), now: NOW });
    expect(second.targetDir).toBe(`${first.targetDir} (2)`);
    await fs.writeFile(second.targetDir, 'a file takes the name too');
    expect((await planRestore(req, { tree: tree(), now: NOW })).targetDir).toBe(`${first.targetDir} (3)`);
  });

  it('maps items with strip components and counts files like ArchiveTree.measure', async () => {
    const t = tree();
    const plan = await planRestore(
      request({ paths: ['home/me/docs/a.txt', 'home/me/docs'], stripComponents: 0 }),
      { tree: t, now: NOW, repositoryDir: path.join(dir, 'repo') },
    );
    expect(plan.paths).toEqual(['home/me/docs']);
    expect(plan.fileCount).toBe(t.measure(['home/me/docs']).fileCount);
    expect(plan.totalBytes).toBe(60);

    const stripped = await planRestore(request({ paths: ['home/me'], stripComponents: 2 }), {
      tree: t,
      now: NOW,
    });
    const landing = Object.fromEntries(stripped.items.map((i) => [i.archivePath, i.targetPath]));
    expect(landing['home/me']).toBeUndefined();
    expect(landing['home/me/docs/-rf/x']).toBe('/docs/-rf/x');
    expect(landing['home/me/top.bin']).toBe('/top.bin');
    expect(stripped.fileCount).toBe(5);

    // Everything at depth <= 3 is dropped: only the -rf folder's file and the docs files remain.
    const deep = await planRestore(request({ paths: [], stripComponents: 3 }), { tree: t, now: NOW });
    expect(deep.items.map((i) => i.archivePath).sort()).toEqual([
      'home/me/docs/-rf',
      'home/me/docs/-rf/x',
      'home/me/docs/a.txt',
      'home/me/docs/b c ü.txt',
    ]);
    expect(deep.fileCount).toBe(3);
    expect(toPreview(deep)).toMatchObject({ fileCount: 3, totalBytes: 60, conflictCount: 0 });
  });

  it('counts existing files as conflicts but not existing folders', async () => {
    const parent = path.join(dir, 'conflicts');
    await fs.mkdir(path.join(parent, 'docs', '-rf'), { recursive: true });
    await fs.writeFile(path.join(parent, 'docs', 'a.txt'), 'old');
    await fs.mkdir(path.join(parent, 'docs', 'b c ü.txt'));
    await fs.symlink('nowhere', path.join(parent, 'top.bin'));
    // The original place of archive paths is under "/": lay a small archive out over `parent`.
    const rooted = new ArchiveTree();
    for (const entry of [parent.slice(1), ...['docs', 'docs/-rf'].map((d) => `${parent.slice(1)}/${d}`)])
      rooted.add({ type: 'd', path: entry });
    for (const f of ['docs/a.txt', 'docs/b c ü.txt', 'docs/-rf/x', 'top.bin', 'new.txt'])
      rooted.add({ type: '-', path: `${parent.slice(1)}/${f}`, size: 5 });
    const original = await planRestore(request({ paths: [parent] }), {
      tree: rooted,
      now: NOW,
      concurrency: 3,
    });
    expect([...original.conflicts].sort()).toEqual(
      ['docs/a.txt', 'docs/b c ü.txt', 'top.bin'].map((f) => `${parent.slice(1)}/${f}`),
    );
    expect(original.conflictFileCount).toBe(3);
    expect(original.conflictBytes).toBe(15);
    expect(toPreview(original).conflictExamples).toContain(path.join(parent, 'docs', 'a.txt'));
    expect(toPreview(original).conflictCount).toBe(3);
  });

  it('rejects paths that are not in the archive and destinations that cannot work', async () => {
    const t = tree();
    await expect(
      planRestore(request({ paths: ['home/me/nope'] }), { tree: t, now: NOW }),
    ).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('not in archive'),
    });
    await expect(planRestore(request({ paths: ['--help'] }), { tree: t, now: NOW })).rejects.toMatchObject({
      code: 'InvalidInput',
    });
    await expect(
      planRestore(request({ destination: { mode: 'new-folder', parent: path.join(dir, 'missing') } }), {
        tree: t,
        now: NOW,
      }),
    ).rejects.toThrow(/does not exist/);
    await expect(
      planRestore(request({ destination: { mode: 'new-folder', parent: 'relative/dir' } }), {
        tree: t,
        now: NOW,
      }),
    ).rejects.toThrow(/not a full path/);
    const repo = path.join(dir, 'repo-here');
    await fs.mkdir(repo);
    await expect(
      planRestore(request({ destination: { mode: 'new-folder', parent: repo } }), {
        tree: t,
        now: NOW,
        repositoryDir: repo,
      }),
    ).rejects.toThrow(/into the repository/);
    // Original place: an archive that holds the repository's own folder.
    await expect(
      planRestore(request({ paths: ['home/me'] }), { tree: t, now: NOW, repositoryDir: '/home/me/docs' }),
    ).rejects.toThrow(/into the repository/);
  });
});
