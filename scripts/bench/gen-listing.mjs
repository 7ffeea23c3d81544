/**
 * Synthetic archive listings for the benchmark: a deterministic tree with a realistic shape (home
 * folders, nested project/photo/document folders 2–8 levels deep, 3–50 entries per folder, names of
 * 3–40 characters, a few non-ASCII) written as lines exactly like Borgdesk's
 * `borg list --json-lines --format={isomtime}{size}` (Python's json.dumps spacing, \u escapes).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** mulberry32: a small seeded PRNG, so every run benchmarks the same tree. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'report',
  'invoice',
  'holiday',
  'draft',
  'final',
  'notes',
  'backup',
  'config',
  'photo',
  'scan',
  'budget',
  'meeting',
  'project',
  'summary',
  'thesis',
  'chapter',
  'module',
  'index',
  'readme',
  'changelog',
  'données',
  'résumé',
  'übersicht',
  'ファイル',
  'archive',
  'src',
  'test',
  'lib',
  'assets',
  'build',
  'cache',
  'export',
];
const EXTS = [
  'txt',
  'pdf',
  'jpg',
  'png',
  'md',
  'ts',
  'js',
  'json',
  'docx',
  'xlsx',
  'mp3',
  'log',
  'c',
  'h',
  'py',
  '',
];

/** Yields [type, path, size, mtimeSeconds] for `count` items in borg's order (a folder, then its contents). */
export function* syntheticItems(count, seed = 42) {
  const rand = rng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const name = (isDir) => {
    let n = pick(WORDS);
    while (n.length < 3 + rand() * 25) n += `${pick(['-', '_', ' ', '.'])}${pick(WORDS)}`;
    if (rand() < 0.5) n += `-${Math.floor(rand() * 10_000)}`;
    const ext = isDir ? '' : pick(EXTS);
    return (ext ? `${n}.${ext}` : n).slice(0, 40);
  };
  let emitted = 0;
  let time = 1_600_000_000;
  const item = (type, p) => {
    emitted++;
    time += rand() * 600;
    const size = type === 'd' ? 0 : Math.floor(rand() ** 3 * 50_000_000);
    return [type, p, size, time];
  };
  function* folder(dirPath, depth) {
    const used = new Set();
    const unique = (isDir) => {
      let n = name(isDir);
      while (used.has(n)) n = `${n}~`;
      used.add(n);
      return n;
    };
    const files = 3 + Math.floor(rand() * 40);
    for (let i = 0; i < files && emitted < count; i++) yield item('-', `${dirPath}/${unique(false)}`);
    const dirs = Math.floor(rand() * (depth < 3 ? 10 : depth < 5 ? 5 : depth < 7 ? 3 : 0));
    for (let i = 0; i < dirs && emitted < count; i++) {
      const sub = `${dirPath}/${unique(true)}`;
      yield item('d', sub);
      yield* folder(sub, depth + 1);
    }
  }
  yield item('d', 'home');
  for (let user = 0; emitted < count; user++) {
    const home = `home/user${user}`;
    yield item('d', home);
    while (emitted < count) {
      const before = emitted;
      const top = `${home}/${pick(['Documents', 'Pictures', 'Music', 'src', 'Desktop', 'Downloads'])}-${before}`;
      yield item('d', top);
      yield* folder(top, 2);
      if (emitted - before > 40_000) break;
    }
  }
}

// Python's json.dumps escapes every non-ASCII character (ensure_ascii).
function pyString(s) {
  return JSON.stringify(s).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function isoLocal(seconds) {
  const d = new Date(seconds * 1000);
  const micros = String(Math.floor((seconds % 1) * 1e6)).padStart(6, '0');
  return `${d.toISOString().slice(0, 19)}.${micros}`;
}

/** One line as borg 1.2 prints it with `--format={isomtime}{size}`. */
export function borgLine([type, p, size, time]) {
  const mode = type === 'd' ? 'drwxr-xr-x' : '-rw-r--r--';
  return (
    `{"type": "${type}", "mode": "${mode}", "user": "alice", "group": "alice", "uid": 1000, "gid": 1000, ` +
    `"path": ${pyString(p)}, "healthy": true, "source": "", "linktarget": "", "flags": 0, ` +
    `"isomtime": "${isoLocal(time)}", "size": ${size}}`
  );
}

/** Writes `count` lines to `file`; resolves with the byte size. */
export async function writeListing(file, count) {
  const out = createWriteStream(file);
  let bytes = 0;
  let batch = '';
  for (const it of syntheticItems(count)) {
    batch += `${borgLine(it)}\n`;
    if (batch.length > 1 << 20) {
      bytes += Buffer.byteLength(batch);
      if (!out.write(batch)) await new Promise((r) => out.once('drain', r));
      batch = '';
    }
  }
  bytes += Buffer.byteLength(batch);
  out.end(batch);
  await new Promise((resolve, reject) => out.on('finish', resolve).on('error', reject));
  return bytes;
}

/** Creates the tree's files (empty) and folders under `root`, for a real `borg create`. */
export async function writeTree(root, count) {
  for (const [type, p] of syntheticItems(count)) {
    const full = path.join(root, p);
    if (type === 'd') await mkdir(full, { recursive: true });
    else await writeFile(full, '');
  }
}
