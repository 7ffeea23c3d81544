/**
 * Figures for revealing one entry of a huge folder (a search hit) in the archive browser: the old
 * way (the renderer reads 5000-row windows of 'archives:folder' until it meets the entry) against
 * 'archives:locate' (the core answers the row in one request). Both run against a real ArchiveTree
 * holding a synthetic 300k-entry folder; every reply makes a JSON round trip, as it does on the
 * wire, and both start from a tree that has not sorted the folder yet (cold) and again once it has
 * (warm). Run:
 *   npx esbuild scripts/bench/reveal-bench.ts --bundle --platform=node --format=esm \
 *     --outfile=/tmp/reveal-bench.mjs && node /tmp/reveal-bench.mjs [entries]
 */
import { ArchiveTree } from '../../src-main/core/archive-index/archive-tree.js';
import type { EntrySort, FolderPage } from '../../src-main/model/archive.js';

const FOLDER = 'home/ann/camera';
const CHUNK = 5000;
const SORTS: readonly EntrySort[] = [
  { key: 'name', direction: 'asc' },
  { key: 'size', direction: 'desc' },
  { key: 'mtime', direction: 'asc' },
];

// Same seeded generator idea as gen-listing.mjs, so every run measures the same folder.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildTree(entries: number): ArchiveTree {
  const next = random(7);
  const tree = new ArchiveTree();
  tree.add({ type: 'd', mode: 'drwxr-xr-x', user: 'ann', group: 'ann', path: FOLDER, mtime: '' });
  for (let n = 0; n < entries; n++) {
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    tree.add({
      type: '-',
      mode: '-rw-r--r--',
      user: 'ann',
      group: 'ann',
      path: `${FOLDER}/IMG_${Math.floor(next() * 1e9)}_${n}.jpg`,
      size: Math.floor(next() * 8e6),
      mtime: `2024-03-${day}T10:00:00.000000`,
    });
  }
  return tree;
}

function wire<T>(reply: T): T {
  return JSON.parse(JSON.stringify(reply)) as T;
}

// The renderer's former locateInFolder, with the request answered in process.
function scanWindows(
  tree: ArchiveTree,
  sort: EntrySort,
  target: string,
): { index: number; requests: number } {
  for (let offset = 0, requests = 1; ; offset += CHUNK, requests++) {
    const page = tree.folder(FOLDER, sort, offset, CHUNK);
    if (page === undefined) throw new Error('folder missing');
    const reply = wire<FolderPage>({ path: FOLDER, ...page, offset, complete: true });
    const at = reply.entries.findIndex((entry) => entry.path === target);
    if (at >= 0) return { index: offset + at, requests };
    if (offset + CHUNK >= reply.total) throw new Error('target missing');
  }
}

function locate(tree: ArchiveTree, sort: EntrySort, target: string): { index: number; requests: number } {
  const found = wire(tree.locate(target, sort));
  if (found === undefined) throw new Error('target missing');
  return { index: found.index, requests: 1 };
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

const entries = Number(process.argv[2] ?? 300_000);
console.log(`reveal in a ${entries.toLocaleString('en-US')}-entry folder (Node ${process.version})`);
for (const sort of SORTS) {
  // A row 90 % of the way down: far enough that a window scan reads most of the folder.
  const probe = buildTree(entries);
  const row = Math.floor(entries * 0.9);
  const target = probe.folder(FOLDER, sort, row, 1)?.entries[0]?.path ?? '';
  const figures: string[] = [];
  for (const [label, how] of [
    ['scan', scanWindows],
    ['locate', locate],
  ] as const) {
    const tree = buildTree(entries);
    const cold = timed(() => how(tree, sort, target));
    const warm = timed(() => how(tree, sort, target));
    if (cold.value.index !== row || warm.value.index !== row) throw new Error(`${label} found the wrong row`);
    figures.push(
      `${label}: cold ${cold.ms.toFixed(1)} ms, warm ${warm.ms.toFixed(1)} ms, ${cold.value.requests} request(s)`,
    );
  }
  console.log(`${sort.key} ${sort.direction}, row ${row}: ${figures.join(' | ')}`);
}
