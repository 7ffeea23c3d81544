/**
 * Sorted child orders of folders, cached per (folder, sort key) so scrolling a huge folder costs
 * O(window) per page after one sort. Children are only ever added, so an order stays valid while the
 * tree's entry count is unchanged; while the tree still loads, each request sorts afresh.
 */
import type { EntrySort } from '../../model/archive.js';
import { TYPE_DIR, TYPE_FILE, TYPE_SYMLINK } from './item-fields.js';
import { extensionOf, naturalKey } from './name-compare.js';
import type { TreeColumns } from './tree-columns.js';

interface CachedOrder {
  readonly order: Int32Array;
  /** Name sort keeps folders first in both directions: order[0..dirCount) are the folders. */
  readonly dirCount: number;
  readonly stamp: number;
}

const MAX_ORDERS = 64;
const MAX_CACHED_INTS = 4_000_000;
// Kinds for the type sort: folders, then files, then links, then the rest.
const TYPE_RANK: Readonly<Record<number, number>> = { [TYPE_DIR]: 0, [TYPE_FILE]: 1, [TYPE_SYMLINK]: 2 };

/** Cache of sorted child orders for one tree. */
export class FolderOrders {
  private readonly cache = new Map<string, CachedOrder>();
  private cachedInts = 0;

  constructor(private readonly c: TreeColumns) {}

  /** Entry indexes of `dir`'s children in [offset, offset+limit) of the requested order. */
  page(dir: number, sort: EntrySort, offset: number, limit: number): number[] {
    const { order, dirCount } = this.orderOf(dir, sort.key);
    const total = order.length;
    const end = Math.min(total, offset + limit);
    const out: number[] = [];
    for (let k = Math.max(0, offset); k < end; k++) {
      if (sort.direction === 'asc') out.push(order[k] as number);
      else if (sort.key !== 'name') out.push(order[total - 1 - k] as number);
      else if (k < dirCount) out.push(order[dirCount - 1 - k] as number);
      else out.push(order[total - 1 - (k - dirCount)] as number);
    }
    return out;
  }

  /**
   * The row of child `entry` in `dir`'s pages under `sort`, or -1 when it is not a child. Reuses the
   * cached order the pages read, so the row always matches what page() returns at that offset.
   */
  rowOf(dir: number, sort: EntrySort, entry: number): number {
    const { order, dirCount } = this.orderOf(dir, sort.key);
    const p = order.indexOf(entry);
    if (p < 0 || sort.direction === 'asc') return p;
    const last = order.length - 1;
    if (sort.key !== 'name') return last - p;
    // Descending by name mirrors the folders and the other entries separately (folders stay first).
    return p < dirCount ? dirCount - 1 - p : dirCount + (last - p);
  }

  /** Approximate bytes held by cached orders. */
  get byteSize(): number {
    return this.cachedInts * 4;
  }

  private orderOf(dir: number, key: EntrySort['key']): CachedOrder {
    const cacheKey = `${dir}:${key}`;
    const hit = this.cache.get(cacheKey);
    if (hit !== undefined && hit.stamp === this.c.count) {
      this.cache.delete(cacheKey);
      this.cache.set(cacheKey, hit); // most recently used last
      return hit;
    }
    if (hit !== undefined) this.forget(cacheKey, hit);
    const fresh = this.sortChildren(dir, key);
    this.cache.set(cacheKey, fresh);
    this.cachedInts += fresh.order.length;
    for (const [k, v] of this.cache) {
      if (this.cache.size <= MAX_ORDERS && this.cachedInts <= MAX_CACHED_INTS) break;
      if (v === fresh) break;
      this.forget(k, v);
    }
    return fresh;
  }

  private forget(key: string, order: CachedOrder): void {
    this.cache.delete(key);
    this.cachedInts -= order.order.length;
  }

  private sortChildren(dir: number, key: EntrySort['key']): CachedOrder {
    const c = this.c;
    const kids: number[] = [];
    for (let k = c.firstChild[dir] as number; k >= 0; k = c.nextSibling[k] as number) kids.push(k);
    const names = kids.map((k) => c.nameOf(k));
    const lower = names.map((n) => n.toLowerCase());
    const keys = lower.map(naturalKey);
    const byName = (a: number, b: number): number =>
      compareRaw(keys[a] as string, keys[b] as string) ||
      compareRaw(names[a] as string, names[b] as string) ||
      (kids[a] as number) - (kids[b] as number);
    const positions = kids.map((_, p) => p);
    let dirCount = 0;
    if (key === 'name') {
      const isDir = (p: number): number => (c.type[kids[p] as number] === TYPE_DIR ? 0 : 1);
      positions.sort((a, b) => isDir(a) - isDir(b) || byName(a, b));
      for (const p of positions) if (isDir(p) === 0) dirCount++;
    } else if (key === 'size') {
      positions.sort((a, b) => valueOf(c.size, kids[a]) - valueOf(c.size, kids[b]) || byName(a, b));
    } else if (key === 'mtime') {
      // Unknown times (folders only implied by their contents) sort as the oldest.
      const t = (p: number): number => {
        const v = c.mtime[kids[p] as number] as number;
        return Number.isNaN(v) ? -Infinity : v;
      };
      positions.sort((a, b) => compareNumbers(t(a), t(b)) || byName(a, b));
    } else {
      const rank = (p: number): number => TYPE_RANK[c.type[kids[p] as number] as number] ?? 3;
      const ext = lower.map((n, p) => (rank(p) === TYPE_RANK[TYPE_FILE] ? extensionOf(n) : ''));
      positions.sort(
        (a, b) => rank(a) - rank(b) || compareRaw(ext[a] as string, ext[b] as string) || byName(a, b),
      );
    }
    const order = Int32Array.from(positions, (p) => kids[p] as number);
    return { order, dirCount, stamp: c.count };
  }
}

function valueOf(column: Float64Array, i: number | undefined): number {
  return column[i as number] as number;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareRaw(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
