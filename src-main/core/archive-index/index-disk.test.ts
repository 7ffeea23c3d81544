import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveTree } from './archive-tree.js';
import { IndexDisk } from './index-disk.js';
import { item } from './test-items.js';

let root: string;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-index-disk-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

function treeOf(files: number): ArchiveTree {
  const tree = new ArchiveTree();
  for (let i = 0; i < files; i++) tree.add(item(`docs/file-${i}.txt`, '-', { size: i }));
  return tree;
}

const ids = (archiveId: string) => ({ repositoryId: 'r1', archiveId });
const ageOf = (disk: IndexDisk, archiveId: string, secondsAgo: number) => {
  const when = new Date(Date.now() - secondsAgo * 1000);
  return fs.utimes(disk.store.fileOf('r1', archiveId), when, when);
};

describe('IndexDisk', () => {
  it('keeps the cache under its cap by removing the least recently opened indexes', async () => {
    const size = treeOf(200).serialize().length;
    // Room for two indexes, not three.
    const disk = new IndexDisk(root, () => Math.floor(size * 2.5));
    await disk.persist(ids('a'), treeOf(200));
    await disk.persist(ids('b'), treeOf(200));
    expect(await disk.usage()).toEqual({ bytes: 2 * size, archives: 2, capBytes: Math.floor(size * 2.5) });
    await ageOf(disk, 'a', 300);
    await ageOf(disk, 'b', 200);
    // Opening a makes b the least recently used one.
    expect((await disk.read(ids('a')))?.entryCount).toBe(treeOf(200).entryCount);
    await disk.persist(ids('c'), treeOf(200));
    expect(await disk.has(ids('a'))).toBe(true);
    expect(await disk.has(ids('b'))).toBe(false);
    expect(await disk.has(ids('c'))).toBe(true);
    expect((await disk.usage()).archives).toBe(2);
  });

  it('keeps the index just written even when it alone is over the cap', async () => {
    const disk = new IndexDisk(root, () => 10);
    await disk.persist(ids('a'), treeOf(50));
    await disk.persist(ids('b'), treeOf(50));
    expect(await disk.has(ids('a'))).toBe(false);
    expect(await disk.has(ids('b'))).toBe(true);
  });

  it('clears every index file but no catalog', async () => {
    const disk = new IndexDisk(root);
    await disk.persist(ids('a'), treeOf(10));
    await fs.mkdir(path.join(root, 'catalog'), { recursive: true });
    await fs.writeFile(path.join(root, 'catalog', 'r1.json'), '{}');
    await disk.clear();
    expect(await disk.usage()).toMatchObject({ bytes: 0, archives: 0 });
    expect(await fs.readdir(path.join(root, 'catalog'))).toEqual(['r1.json']);
  });
});
