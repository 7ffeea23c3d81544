/**
 * Benchmark tasks that run the real TypeScript code, bundled by scripts/bench.mjs with esbuild and
 * started as `node bench-worker.mjs <task> ...` in a fresh process per measurement (so peak RSS
 * belongs to one task). Each task prints one JSON line of figures on stdout.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { runListContents } from '../../src-main/borg/commands/list-contents.js';
import { parseArchiveItemLine } from '../../src-main/borg/json-output.js';
import { LineSplitter } from '../../src-main/borg/line-splitter.js';
import { parseLogLine } from '../../src-main/borg/log-json.js';
import { ArchiveTree } from '../../src-main/core/archive-index/archive-tree.js';
import type { EntrySort } from '../../src-main/model/archive.js';

const byName: EntrySort = { key: 'name', direction: 'asc' };
const now = (): number => performance.now();

function report(figures: Record<string, number | string | boolean>): void {
  const rss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ ...figures, peakRssBytes: rss })}\n`);
}

/** `cat file` → LineSplitter → parseArchiveItemLine → ArchiveTree, as runListContents does with borg. */
async function synthetic(file: string, indexFile: string): Promise<void> {
  const tree = new ArchiveTree();
  const splitter = new LineSplitter();
  const start = now();
  const cpuStart = process.cpuUsage();
  let firstFolderMs = -1;
  const take = (lines: readonly string[]): void => {
    for (const line of lines) {
      if (line === '') continue;
      const item = parseArchiveItemLine(line);
      if (item) tree.add(item);
    }
    if (firstFolderMs < 0 && (tree.folder('', byName, 0, 100)?.total ?? 0) > 0) firstFolderMs = now() - start;
  };
  await new Promise<void>((resolve, reject) => {
    const child = spawn('cat', [file], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk: Buffer) => take(splitter.push(chunk)));
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  take(splitter.end());
  const readyMs = now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const folderStart = now();
  const root = tree.folder('', byName, 0, 100);
  const rootFolderMs = now() - folderStart;
  const biggest = largestFolder(tree);
  const sortStart = now();
  tree.folder(biggest, { key: 'size', direction: 'desc' }, 0, 100);
  const sortMs = now() - sortStart;
  const scrollStart = now();
  tree.folder(biggest, { key: 'size', direction: 'desc' }, 50, 100);
  const scrollMs = now() - scrollStart;
  const searchStart = now();
  const found = tree.search('holiday', 'substring', 1000);
  const firstSearchMs = now() - searchStart;
  const againStart = now();
  tree.search('budget', 'substring', 1000);
  const searchMs = now() - againStart;
  const globStart = now();
  tree.search('home/*/Doc*/**/*.pdf', 'glob', 1000);
  const globMs = now() - globStart;
  const serializeStart = now();
  const data = tree.serialize();
  await writeFile(indexFile, data);
  const serializeMs = now() - serializeStart;
  report({
    entries: tree.entryCount,
    firstFolderMs,
    readyMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rootFolderMs,
    rootEntries: root?.total ?? 0,
    largestFolderSize: tree.lookup(biggest)?.childCount ?? 0,
    sortLargestFolderMs: sortMs,
    scrollMs,
    firstSearchMs,
    searchMs,
    pathGlobMs: globMs,
    searchMatches: found.matches.length,
    indexBytes: data.length,
    treeBytes: tree.byteSize,
    serializeWriteMs: serializeMs,
  });
}

// The folder with the most children: the worst case for a sort.
function largestFolder(tree: ArchiveTree): string {
  let best = '';
  let most = -1;
  const visit = (path: string): void => {
    const page = tree.folder(path, byName, 0, Number.MAX_SAFE_INTEGER);
    if (page === undefined) return;
    if (page.total > most) {
      most = page.total;
      best = path;
    }
    for (const e of page.entries) if (e.type === 'directory') visit(e.path);
  };
  visit('');
  return best;
}

/** Baseline: the same `cat file` read through a Node pipe, lines split but not parsed. */
async function baseline(file: string): Promise<void> {
  const start = now();
  let lines = 0;
  const splitter = new LineSplitter();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('cat', [file], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk: Buffer) => (lines += splitter.push(chunk).length));
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  report({ lines: lines + splitter.end().length, catMs: now() - start });
}

/** Reopen from the on-disk index: read + deserialize + first root folder page. */
async function reload(indexFile: string): Promise<void> {
  const start = now();
  const tree = ArchiveTree.deserialize(await readFile(indexFile));
  const loadMs = now() - start;
  const page = tree.folder('', byName, 0, 100);
  report({
    entries: tree.entryCount,
    reloadMs: loadMs,
    reloadAndFirstFolderMs: now() - start,
    rootEntries: page?.total ?? 0,
  });
}

/** The full index build from real borg: runListContents + ArchiveTree. */
async function realBuild(location: string, archiveName: string): Promise<void> {
  const tree = new ArchiveTree();
  const start = now();
  const cpuStart = process.cpuUsage();
  const o = { location, archiveName };
  const ctx = { borgPath: '/usr/bin/borg' };
  await runListContents(o, ctx, (item) => tree.add(item));
  const cpu = process.cpuUsage(cpuStart);
  report({ entries: tree.entryCount, buildMs: now() - start, cpuMs: (cpu.user + cpu.system) / 1000 });
}

/** Issue 2's progress path: recorded archive_progress lines in random chunks → LineSplitter → parseLogLine. */
async function progress(fixtureDir: string, count: string): Promise<void> {
  const recorded: string[] = [];
  for (const name of ['create-progress-list', 'create-sigint', 'create-warning']) {
    const text = await readFile(`${fixtureDir}/${name}.stderr.jsonl`, 'utf8');
    recorded.push(...text.split('\n').filter((l) => l.includes('"archive_progress"')));
  }
  const lines: string[] = [];
  for (let i = 0; lines.length < Number(count); i++) lines.push(recorded[i % recorded.length] as string);
  const data = Buffer.from(`${lines.join('\n')}\n`);
  let seed = 7;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const chunks: Buffer[] = [];
  for (let at = 0; at < data.length;) {
    const size = 1 + Math.floor(rand() * 8192);
    chunks.push(data.subarray(at, at + size));
    at += size;
  }
  const start = now();
  const splitter = new LineSplitter();
  let parsed = 0;
  for (const chunk of chunks)
    for (const line of splitter.push(chunk)) if (parseLogLine(line).type === 'archive_progress') parsed++;
  for (const line of splitter.end()) if (parseLogLine(line).type === 'archive_progress') parsed++;
  const ms = now() - start;
  report({ lines: parsed, chunks: chunks.length, ms, linesPerSecond: Math.round(parsed / (ms / 1000)) });
}

/**
 * A folder of `count` files (issue 16's 40,000-entry folder) in a tree beside the synthetic one: the
 * core's part of showing it, the first name-sorted page of 100 rows, from the open tree it was built
 * in and from the index file reopened in this fresh process (read + decode + page).
 */
async function bigFolder(indexFile: string, count: string): Promise<void> {
  const tree = new ArchiveTree();
  const folder = 'home/alice/Pictures';
  tree.add({
    type: 'd',
    path: folder,
    mode: 'drwxr-xr-x',
    user: 'alice',
    group: 'alice',
    mtime: '2026-01-01T00:00:00.000000',
  });
  let seed = 11;
  const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const words = ['IMG', 'holiday', 'scan', 'Résumé', 'draft', 'photo'];
  for (let i = 0; i < Number(count); i++) {
    const word = words[Math.floor(rand() * words.length)] as string;
    tree.add({
      type: '-',
      path: `${folder}/${word}_${Math.floor(rand() * 1e6)}-${i}.jpg`,
      mode: '-rw-r--r--',
      user: 'alice',
      group: 'alice',
      size: Math.floor(rand() * 5e6),
      mtime: '2026-01-01T00:00:00.000000',
    });
  }
  const openStart = now();
  const page = tree.folder(folder, byName, 0, 100);
  const openTreeMs = now() - openStart;
  await writeFile(indexFile, tree.serialize());
  report({ entries: page?.total ?? 0, openTreeMs });
}

/** The second half of bigFolder in a fresh process: reopen its index file and show the big folder. */
async function bigFolderReopen(indexFile: string): Promise<void> {
  const start = now();
  const tree = ArchiveTree.deserialize(await readFile(indexFile));
  const loadedMs = now() - start;
  const page = tree.folder('home/alice/Pictures', byName, 0, 100);
  report({ entries: page?.total ?? 0, loadedMs, reopenedMs: now() - start });
}

const [task, a = '', b = ''] = process.argv.slice(2);
const tasks: Record<string, () => Promise<void>> = {
  synthetic: () => synthetic(a, b),
  baseline: () => baseline(a),
  reload: () => reload(a),
  real: () => realBuild(a, b),
  progress: () => progress(a, b),
  bigfolder: () => bigFolder(a, b),
  'bigfolder-reopen': () => bigFolderReopen(a),
};
const run = tasks[task ?? ''];
if (run === undefined) {
  process.stderr.write(`unknown task ${task ?? ''}\n`);
  process.exit(2);
}
await run();
