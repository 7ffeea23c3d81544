/**
 * Issue 13's figures, run by scripts/bench.mjs as `node index-cache-bench.mjs <task> ...` in a fresh
 * process each: (1) opening an archive whose index background indexing already saved, through
 * ArchiveIndexService (archives:open + archives:folder), and (2) one name searched across many
 * archives' local indexes (IndexDisk reads + cross-archive.ts). The indexes are built from generated
 * items and written through the index store, as background indexing would have left them.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArchiveItemLine } from '../../src-main/borg/json-output.js';
import { ArchiveIndexService } from '../../src-main/core/archive-index/archive-index-service.js';
import { ArchiveTree } from '../../src-main/core/archive-index/archive-tree.js';
import { searchAcross, type IndexedArchive } from '../../src-main/core/archive-index/cross-archive.js';
import { IndexDisk } from '../../src-main/core/archive-index/index-disk.js';
// @ts-expect-error: a plain ES module without types (the bench's listing generator)
import { borgLine, syntheticItems } from './gen-listing.mjs';

const REPO = 'bench-repo';
const REPOSITORY_ID = 'f'.repeat(64);
const now = (): number => performance.now();
const archiveId = (i: number): string => i.toString(16).padStart(64, '0');
const indexRoot = (cacheDir: string): string => path.join(cacheDir, 'archive-index');

function report(figures: Record<string, number | string | boolean>): void {
  const rss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ ...figures, peakRssBytes: rss })}\n`);
}

function generatedTree(count: number, seed: number): ArchiveTree {
  const tree = new ArchiveTree();
  for (const it of syntheticItems(count, seed) as Iterable<unknown[]>) {
    const item = parseArchiveItemLine(borgLine(it) as string);
    if (item) tree.add(item);
  }
  return tree;
}

/** Writes `archives` index files of `count` generated items (`variants` distinct trees, reused in turn). */
async function make(
  cacheDir: string,
  count: string,
  archives: string,
  variants: string,
  from = '',
): Promise<void> {
  const disk = new IndexDisk(indexRoot(cacheDir), () => Number.MAX_SAFE_INTEGER);
  const start = now();
  const trees: Buffer[] = [];
  if (from !== '') trees.push(await readFile(from));
  else
    for (let v = 0; v < Number(variants); v++) trees.push(generatedTree(Number(count), 42 + v).serialize());
  for (let i = 0; i < Number(archives); i++) {
    const file = disk.store.fileOf(REPOSITORY_ID, archiveId(i));
    await mkdir(path.dirname(file), { recursive: true });
    await disk.store.write(REPOSITORY_ID, archiveId(i), trees[i % trees.length] as Buffer);
  }
  report({ setupMs: now() - start, bytes: trees.reduce((s, t) => s + t.length, 0) / trees.length });
}

// The listing repos:details would have recorded (the newest archive last, as borg lists them).
function listing(archives: number) {
  return {
    repositoryId: REPOSITORY_ID,
    archives: Array.from({ length: archives }, (_, i) => ({
      id: archiveId(i),
      name: `host-2026-01-${String(i + 1).padStart(3, '0')}`,
      start: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 19),
    })),
  };
}

/** (1) archives:open + archives:folder('') of the newest archive through the service; no borg allowed. */
async function open(cacheDir: string, archives: string): Promise<void> {
  const service = new ArchiveIndexService({
    cacheDir,
    resolve: () => Promise.reject(new Error('the bench must not run borg')),
    runInLane: (_repoId, task) => task(),
    emit: () => undefined,
  });
  const known = listing(Number(archives));
  await service.noteArchives(REPO, known);
  const newest = known.archives.at(-1);
  if (newest === undefined) throw new Error('no archive');
  const ref = { repoId: REPO, archiveName: newest.name, archiveId: newest.id };
  const start = now();
  const state = await service.open(ref);
  const page = await service.folder(ref, '', { key: 'name', direction: 'asc' }, 0, 100);
  const ms = now() - start;
  report({
    ms,
    status: state.status,
    fromCache: state.fromCache,
    entries: state.entryCount,
    rootEntries: page.total,
    borgListings: service.contentListings,
  });
  await service.dispose();
}

/** (2) One name across every archive's local index, cold (each file read and searched once). */
async function search(cacheDir: string, archives: string, query: string): Promise<void> {
  const disk = new IndexDisk(indexRoot(cacheDir), () => Number.MAX_SAFE_INTEGER);
  const indexed: IndexedArchive[] = listing(Number(archives))
    .archives.reverse()
    .map((a) => ({
      ...a,
      tree: async () => {
        const tree = await disk.read({ repositoryId: REPOSITORY_ID, archiveId: a.id });
        if (tree === undefined) throw new Error(`no index for ${a.name}`);
        return tree;
      },
    }));
  const start = now();
  const found = await searchAcross(indexed, query, 'substring', 1000);
  const ms = now() - start;
  const inArchives = new Set(found.hits.flatMap((h) => h.archives.map((a) => a.archiveId))).size;
  report({ ms, paths: found.hits.length, inArchives, truncated: found.truncated });
}

const [task, a = '', b = '', c = '', d = '', e = ''] = process.argv.slice(2);
const tasks: Record<string, () => Promise<void>> = {
  make: () => make(a, b, c, d, e),
  open: () => open(a, b),
  search: () => search(a, b, c),
};
const run = tasks[task ?? ''];
if (run === undefined) {
  process.stderr.write(`unknown task ${task ?? ''}\n`);
  process.exit(2);
}
await run();
