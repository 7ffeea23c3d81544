/**
 * Search over a TreeColumns. Name searches run on one lower-cased string of every name (the name
 * pool decoded at once, names separated by '/'), so a substring search over a million names is a
 * few native indexOf calls rather than a million string allocations. Path searches (the query has a
 * '/') walk the tree depth-first, building each path once.
 */
import { compileGlob } from './glob.js';
import { TYPE_DIR } from './item-fields.js';
import type { TreeColumns } from './tree-columns.js';

/** All names, lower-cased and '/'-separated; sep[i] is the index of the '/' that ends entry i's name. */
export interface SearchText {
  readonly text: string;
  readonly sep: Int32Array;
  readonly stamp: number;
}

/** Decodes the name pool once into a SearchText. */
export function buildSearchText(c: TreeColumns): SearchText {
  const text = c.pool.toString('utf8', 0, c.poolLength).toLowerCase();
  const sep = new Int32Array(c.count);
  let pos = -1;
  for (let i = 0; i < c.count; i++) {
    pos = text.indexOf('/', pos + 1);
    sep[i] = pos;
  }
  return { text, sep, stamp: c.count };
}

/** Calls visit(entry) for each match until it returns false. */
export function searchEntries(
  c: TreeColumns,
  st: SearchText,
  query: string,
  mode: 'substring' | 'glob',
  visit: (entry: number) => boolean,
): void {
  const q = query.toLowerCase();
  if (q === '') return;
  if (q.includes('/')) {
    if (mode === 'substring') walkPaths(c, st, (i, path) => !path.includes(q) || visit(i));
    else {
      const re = compileGlob(q.replace(/^\/+/, ''), true);
      walkPaths(c, st, (i, path) => !re.test(path.slice(1)) || visit(i));
    }
  } else if (mode === 'substring') searchNameSubstring(st, q, visit);
  else searchNameGlob(st, q, visit);
}

/**
 * A name substring search straight on an index file's lower-cased pool (TreeColumns.lowerPool), when
 * it has one; false when it has none and the caller must use a SearchText. UTF-8 is self-synchronizing,
 * so a byte match of the UTF-8 query is always a match of whole characters.
 */
export function searchLowerPool(c: TreeColumns, query: string, visit: (entry: number) => boolean): boolean {
  const q = query.toLowerCase();
  const lower = c.lowerPool;
  if (lower === undefined || c.lowerCount !== c.count || q === '' || q.includes('/')) return false;
  const needle = Buffer.from(q, 'utf8');
  for (let from = 0; ;) {
    const at = lower.indexOf(needle, from);
    if (at < 0 || at >= c.poolLength) return true;
    const i = entryAtOffset(c.nameOff, c.count, at);
    if (!visit(i)) return true;
    from = c.nameOff[i + 1] as number;
  }
}

// The entry whose name holds pool byte `at`: the last i with nameOff[i] <= at.
function entryAtOffset(nameOff: Int32Array, count: number, at: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((nameOff[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function searchNameSubstring(st: SearchText, q: string, visit: (entry: number) => boolean): void {
  let from = 0;
  for (;;) {
    const at = st.text.indexOf(q, from);
    if (at < 0) return;
    const i = entryAt(st.sep, at);
    if (!visit(i)) return;
    from = (st.sep[i] as number) + 1;
  }
}

function searchNameGlob(st: SearchText, q: string, visit: (entry: number) => boolean): void {
  // A name is the text between two '/'; the compiled body cannot cross '/', so each match is a whole name.
  const body = compileGlob(q, false).source.slice(1, -1);
  const re = new RegExp(`(?<=/)${body}(?=/)`, 'gsu');
  for (;;) {
    const m = re.exec(st.text);
    if (m === null) return;
    const i = entryAt(st.sep, m.index);
    if (!visit(i)) return;
    re.lastIndex = (st.sep[i] as number) + 1;
  }
}

// Depth first; `path` is '/' + the lower-cased archive path, so "/docs/" finds folders named docs anywhere.
function walkPaths(c: TreeColumns, st: SearchText, visit: (entry: number, path: string) => boolean): void {
  const stack: number[] = [];
  const paths: string[] = [];
  for (let k = c.firstChild[0] as number; k >= 0; k = c.nextSibling[k] as number) {
    stack.push(k);
    paths.push('');
  }
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const path = `${paths.pop() as string}/${st.text.slice((st.sep[i - 1] as number) + 1, st.sep[i])}`;
    if (!visit(i, path)) return;
    if (c.type[i] !== TYPE_DIR) continue;
    for (let k = c.firstChild[i] as number; k >= 0; k = c.nextSibling[k] as number) {
      stack.push(k);
      paths.push(path);
    }
  }
}

// The entry whose name holds text position `at`: the first i with sep[i] >= at.
function entryAt(sep: Int32Array, at: number): number {
  let lo = 0;
  let hi = sep.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sep[mid] as number) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
