// Integration: the index service against the real /usr/bin/borg on a temporary repository.
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCreate } from '../../borg/commands/create.js';
import { runInit } from '../../borg/commands/init.js';
import { runListArchives } from '../../borg/commands/list-archives.js';
import { archiveTail, capabilitiesOf } from '../../borg/command-shape.js';
import { runBorg } from '../../borg/exec.js';
import { createSandbox, type BorgSandbox } from '../../borg/test-sandbox.js';
import type { ArchiveIndexState, EntrySort } from '../../model/archive.js';
import { SerialLanes } from '../jobs/serial-lanes.js';
import { ArchiveIndexService, type ArchiveIndexDeps } from './archive-index-service.js';

const REPO_ID = 'repo-1';
const byName: EntrySort = { key: 'name', direction: 'asc' };
let box: BorgSandbox;
let repo = '';
/** The archive path of the backed-up folder (borg strips the leading slash). */
let src = '';

interface Harness {
  service: ArchiveIndexService;
  states: ArchiveIndexState[];
  laneRuns: () => number;
}

function harness(extra: Partial<ArchiveIndexDeps> = {}): Harness {
  const lanes = new SerialLanes();
  const states: ArchiveIndexState[] = [];
  let runs = 0;
  const service = new ArchiveIndexService({
    cacheDir: box.path('cache'),
    resolve: async () => ({ location: repo, ctx: box.ctx() }),
    runInLane: (repoId, task) => {
      runs++;
      return lanes.run(repoId, task);
    },
    emit: (s) => states.push(s),
    ...extra,
  });
  return { service, states, laneRuns: () => runs };
}

async function backup(name: string): Promise<void> {
  const o = {
    location: repo,
    archiveName: name,
    sourcePaths: [box.path('src')],
    compression: 'lz4' as const,
  };
  await runCreate({ ...o, excludeCaches: false, excludePatterns: [] }, box.ctx());
}

async function indexFiles(): Promise<string[]> {
  const root = box.path('cache', 'archive-index');
  const dirs = (await readdir(root)).filter((d) => d !== 'catalog');
  return (await Promise.all(dirs.map((d) => readdir(path.join(root, d)))))
    .flat()
    .filter((f) => f.endsWith('.bin'));
}

beforeAll(async () => {
  box = await createSandbox();
  repo = box.path('repo');
  src = box.path('src').slice(1);
  await runInit({ location: repo, encryption: 'none' }, box.ctx());
  await box.writeText(box.path('src', 'a.txt'), 'alpha\n');
  await box.writeText(box.path('src', 'changes.txt'), 'v1\n');
  await box.writeText(box.path('src', 'sub', 'b.txt'), 'bravo\n');
  await box.writeText(box.path('src', 'sub', 'deep', 'c.txt'), 'charlie\n');
  await box.writeText(box.path('src', 'café-😀.txt'), 'unicode\n');
  await backup('a1');
  await writeFile(box.path('src', 'changes.txt'), 'version two\n');
  await backup('a2');
  await backup('a3');
});

afterAll(async () => {
  await box.cleanup();
});

describe('ArchiveIndexService with real borg', () => {
  it('streams an archive: loading, then ready, and the folders match the source tree', async () => {
    const h = harness();
    const first = await h.service.open({ repoId: REPO_ID, archiveName: 'a3' });
    expect(first).toMatchObject({ status: 'loading', fromCache: false, archiveName: 'a3' });
    // Right after open borg has not finished: the page holds what is known so far.
    const early = await h.service.folder({ repoId: REPO_ID, archiveName: 'a3' }, '', byName, 0, 100);
    expect(early.complete).toBe(false);
    await h.service.tree({ repoId: REPO_ID, archiveName: 'a3' });
    expect(h.states[0]?.status).toBe('loading');
    const last = h.states.at(-1);
    expect(last).toMatchObject({ status: 'ready', fromCache: false });
    const page = await h.service.folder({ repoId: REPO_ID, archiveName: 'a3' }, src, byName, 0, 100);
    expect(page.complete).toBe(true);
    expect(page.entries.map((e) => e.name)).toEqual(['sub', 'a.txt', 'café-😀.txt', 'changes.txt']);
    expect(page.entries.map((e) => e.name).sort()).toEqual((await readdir(box.path('src'))).sort());
    const a = page.entries.find((e) => e.name === 'a.txt');
    expect(a).toMatchObject({ type: 'file', size: 6, path: `${src}/a.txt` });
    const { mtimeMs } = await stat(box.path('src', 'a.txt'));
    expect(Math.abs(Date.parse(a?.mtime ?? '') - mtimeMs)).toBeLessThan(1000);
    expect(last?.entryCount).toBeGreaterThanOrEqual(7);
    await h.service.dispose();
  });

  it('reopens from the disk index in a new service without running borg', async () => {
    const h = harness();
    const state = await h.service.open({ repoId: REPO_ID, archiveName: 'a3' });
    expect(state).toMatchObject({ status: 'ready', fromCache: true });
    const page = await h.service.folder({ repoId: REPO_ID, archiveName: 'a3' }, `${src}/sub`, byName, 0, 10);
    expect(page.entries.map((e) => e.name)).toEqual(['deep', 'b.txt']);
    expect(h.laneRuns()).toBe(0);
    await h.service.dispose();
  });

  it('locates an entry in its folder under a sort, and reports a missing path as NotFound', async () => {
    const h = harness();
    const ref = { repoId: REPO_ID, archiveName: 'a3' };
    await h.service.tree(ref);
    expect(await h.service.locate(ref, `${src}/changes.txt`, byName)).toEqual({
      folder: src,
      index: 3,
      complete: true,
    });
    const bySizeDesc: EntrySort = { key: 'size', direction: 'desc' };
    const located = await h.service.locate(ref, `/${src}/sub/b.txt`, bySizeDesc);
    const page = await h.service.folder(ref, `${src}/sub`, bySizeDesc, 0, 10);
    expect(page.entries[located.index ?? -1]?.name).toBe('b.txt');
    await expect(h.service.locate(ref, `${src}/nothing.txt`, byName)).rejects.toMatchObject({
      code: 'NotFound',
      message: expect.stringContaining(`${src}/nothing.txt`),
    });
    await h.service.dispose();
  });

  it('finds a cached index without borg once told the archive ids (noteArchives)', async () => {
    await rm(box.path('cache', 'archive-index', 'catalog'), { recursive: true, force: true });
    const h = harness();
    await h.service.noteArchives(REPO_ID, await runListArchives({ location: repo }, box.ctx()));
    const state = await h.service.open({ repoId: REPO_ID, archiveName: 'a3' });
    expect(state).toMatchObject({ status: 'ready', fromCache: true });
    expect(h.laneRuns()).toBe(0);
    await h.service.dispose();
  });

  it('joins concurrent opens of one archive into one borg run', async () => {
    const h = harness();
    const ref = { repoId: REPO_ID, archiveName: 'a2' };
    const [one, two] = await Promise.all([h.service.open(ref), h.service.open(ref)]);
    expect(one.status).toBe('loading');
    expect(two.status).toBe('loading');
    await h.service.tree(ref);
    expect(h.laneRuns()).toBe(1);
    await h.service.dispose();
  });

  it('lists the versions of a file across archives, newest first, with what changed', async () => {
    const h = harness();
    const { versions, archivesSearched } = await h.service.versions(REPO_ID, `${src}/changes.txt`);
    expect(archivesSearched).toBe(3);
    expect(versions.map((v) => [v.archiveName, v.size, v.changed])).toEqual([
      ['a3', 12, false],
      ['a2', 12, true],
      ['a1', 3, true],
    ]);
    expect(versions[0]?.archiveStart).toMatch(/^\d{4}-\d\d-\d\dT/);
    const missing = await h.service.versions(REPO_ID, `${src}/nope.txt`);
    expect(missing.versions).toEqual([]);
    await h.service.dispose();
  });

  it('searches every archive and groups the hits by path', async () => {
    const h = harness();
    const r = await h.service.searchAll(REPO_ID, 'c*.txt', 'glob', 100);
    expect(r.archivesSearched).toBe(3);
    expect(r.truncated).toBe(false);
    expect(r.hits.map((hit) => hit.path)).toEqual([
      `${src}/café-😀.txt`,
      `${src}/changes.txt`,
      `${src}/sub/deep/c.txt`,
    ]);
    const changes = r.hits.find((hit) => hit.path.endsWith('changes.txt'));
    expect(changes?.archives.map((a) => [a.archiveName, a.size])).toEqual([
      ['a3', 12],
      ['a2', 12],
      ['a1', 3],
    ]);
    const capped = await h.service.searchAll(REPO_ID, '.txt', 'substring', 2);
    expect(capped).toMatchObject({ truncated: true });
    expect(capped.hits).toHaveLength(2);
    await h.service.dispose();
  });

  it('keeps memory bounded: an evicted tree reloads from disk', async () => {
    const h = harness({ memoryBudgetBytes: 1 });
    await h.service.tree({ repoId: REPO_ID, archiveName: 'a1' });
    await h.service.tree({ repoId: REPO_ID, archiveName: 'a2' });
    const runs = h.laneRuns();
    const again = await h.service.open({ repoId: REPO_ID, archiveName: 'a1' });
    expect(again).toMatchObject({ status: 'ready', fromCache: true });
    expect(h.laneRuns()).toBe(runs);
    await h.service.dispose();
  });

  it('reports a missing archive as failed with a serialized error', async () => {
    const h = harness();
    await h.service.open({ repoId: REPO_ID, archiveName: 'no-such-archive' });
    await expect(h.service.tree({ repoId: REPO_ID, archiveName: 'no-such-archive' })).rejects.toMatchObject({
      code: 'NotFound',
    });
    const failed = h.states.at(-1);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'NotFound' } });
    expect(failed?.error?.message).toContain('no-such-archive');
    await h.service.dispose();
  });

  it('rebuilds an index whose file is corrupt', async () => {
    const root = box.path('cache', 'archive-index');
    const repoDir = (await readdir(root)).find((d) => d !== 'catalog') ?? '';
    for (const f of await readdir(path.join(root, repoDir)))
      await writeFile(path.join(root, repoDir, f), 'garbage');
    const h = harness();
    const state = await h.service.open({ repoId: REPO_ID, archiveName: 'a3' });
    expect(state).toMatchObject({ status: 'loading', fromCache: false });
    const tree = await h.service.tree({ repoId: REPO_ID, archiveName: 'a3' });
    expect(tree.lookup(`${src}/sub/deep/c.txt`)?.size).toBe(8);
    await h.service.dispose();
  });

  it('prunes the index of a deleted archive', async () => {
    const h = harness();
    await h.service.tree({ repoId: REPO_ID, archiveName: 'a1' });
    await h.service.tree({ repoId: REPO_ID, archiveName: 'a2' });
    await h.service.dispose();
    expect((await indexFiles()).length).toBeGreaterThanOrEqual(3);
    await runBorg(['delete', ...archiveTail(capabilitiesOf(box.ctx()), repo, 'a1')], box.ctx());
    const listing = await runListArchives({ location: repo }, box.ctx());
    const fresh = harness();
    await fresh.service.prune(
      REPO_ID,
      listing.archives.map((a) => a.id),
    );
    const files = await indexFiles();
    expect(files.sort()).toEqual(listing.archives.map((a) => `${a.id}.bin`).sort());
    await fresh.service.dispose();
  });
});
