/**
 * What a newer archive holds more than an older one, from their contents indexes: a walk of both
 * trees side by side (folder by folder, matching children by name) that finds every added, removed
 * and changed file, then sums the growth of everything below each folder.
 *
 * Which folders are named: a folder speaks for its growth unless one of its subfolders carries at
 * least DOMINANT_SHARE of it, in which case that subfolder speaks instead. So a big file landing in
 * home/you/Videos names "home/you/Videos", not also "home/you" and "home" with the same bytes; a
 * folder whose growth is spread over several subfolders is named along with the bigger of them.
 */
import type { GrowthCounts, GrowthFile, GrowthFolder } from '../../model/archive-growth.js';
import type { ArchiveTree } from './archive-tree.js';
import { TYPE_DIR } from './item-fields.js';
import { FLAG_AMBIGUOUS, type TreeColumns } from './tree-columns.js';
import { findByWalk, folderOf, joinPath, normalizePath } from './tree-entries.js';

/** A subfolder with at least this share of its parent's growth names that growth instead of the parent. */
export const DOMINANT_SHARE = 0.8;

/** How many folders and files a report lists. */
export interface GrowthLimits {
  readonly folders: number;
  readonly files: number;
}

/** The comparison of two trees below one folder. */
export interface TreeGrowth {
  readonly totals: GrowthCounts;
  readonly folders: GrowthFolder[];
  readonly files: GrowthFile[];
  readonly foldersTruncated: boolean;
  readonly filesTruncated: boolean;
}

interface Counts {
  grownBytes: number;
  shrunkBytes: number;
  addedFiles: number;
  changedFiles: number;
  removedFiles: number;
}

/** One folder pair still to compare; -1 on a side where the folder does not exist. */
interface Frame {
  readonly older: number;
  readonly newer: number;
  readonly path: string;
}

const zero = (): Counts => ({
  grownBytes: 0,
  shrunkBytes: 0,
  addedFiles: 0,
  changedFiles: 0,
  removedFiles: 0,
});

/**
 * Compares `newer` with `older` below `folder` ('' = everything). Undefined when the folder is in
 * neither tree (or is a file in both).
 */
export function compareTrees(
  older: ArchiveTree,
  newer: ArchiveTree,
  folder: string,
  limits: GrowthLimits,
): TreeGrowth | undefined {
  const scope = normalizePath(folder);
  const o = older.columns;
  const n = newer.columns;
  const olderRoot = dirAt(o, scope);
  const newerRoot = dirAt(n, scope);
  if (olderRoot < 0 && newerRoot < 0) return undefined;
  const walk = new GrowthWalk(o, n, limits.files);
  walk.run({ older: olderRoot, newer: newerRoot, path: scope });
  const subtree = rollUp(walk.direct, scope);
  const { folders, truncated } = namedFolders(subtree, scope, limits.folders);
  const files = walk.topFiles();
  return {
    totals: withNet(subtree.get(scope) ?? zero()),
    folders,
    files,
    foldersTruncated: truncated,
    filesTruncated: walk.changedFileCount > files.length,
  };
}

function dirAt(c: TreeColumns, path: string): number {
  const i = findByWalk(c, path);
  return i >= 0 && c.type[i] === TYPE_DIR ? i : -1;
}

// The side-by-side walk; counts go to the folder that directly holds each file.
class GrowthWalk {
  readonly direct = new Map<string, Counts>();
  changedFileCount = 0;
  private files: GrowthFile[] = [];
  /** Older entries already paired with a newer one. */
  private readonly taken: Uint8Array;

  constructor(
    private readonly o: TreeColumns,
    private readonly n: TreeColumns,
    private readonly fileLimit: number,
  ) {
    this.taken = new Uint8Array(o.count);
  }

  run(start: Frame): void {
    const stack = [start];
    for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) this.compare(frame, stack);
  }

  topFiles(): GrowthFile[] {
    this.trimFiles();
    return this.files;
  }

  private compare({ older, newer, path }: Frame, stack: Frame[]): void {
    const { o, n } = this;
    const matcher = new ChildMatcher(o, n, older, this.taken);
    if (newer >= 0) {
      for (let k = n.firstChild[newer] as number; k >= 0; k = n.nextSibling[k] as number) {
        const m = matcher.match(k);
        const olderIsDir = m >= 0 && o.type[m] === TYPE_DIR;
        // Paths are built only for what is compared further or reported, not for unchanged files.
        if (n.type[k] === TYPE_DIR) {
          if (m >= 0 && !olderIsDir) this.removed(path, m);
          stack.push({ older: olderIsDir ? m : -1, newer: k, path: joinPath(path, n.nameOf(k)) });
        } else if (m < 0 || olderIsDir) {
          const childPath = joinPath(path, n.nameOf(k));
          if (olderIsDir) stack.push({ older: m, newer: -1, path: childPath });
          this.added(path, childPath, n.size[k] as number);
        } else if (n.size[k] !== o.size[m] || n.mtime[k] !== o.mtime[m]) {
          this.changed(path, joinPath(path, n.nameOf(k)), o.size[m] as number, n.size[k] as number);
        }
      }
    }
    // What is left of the older folder is gone from the newer one.
    for (const m of matcher.unmatched()) {
      if (o.type[m] === TYPE_DIR) stack.push({ older: m, newer: -1, path: joinPath(path, o.nameOf(m)) });
      else this.removed(path, m);
    }
  }

  private countsOf(folder: string): Counts {
    let counts = this.direct.get(folder);
    if (counts === undefined) {
      counts = zero();
      this.direct.set(folder, counts);
    }
    return counts;
  }

  private added(folder: string, path: string, size: number): void {
    const counts = this.countsOf(folder);
    counts.addedFiles++;
    counts.grownBytes += size;
    this.keepFile({ path, kind: 'added', size, deltaBytes: size });
  }

  private changed(folder: string, path: string, previousSize: number, size: number): void {
    const counts = this.countsOf(folder);
    const delta = size - previousSize;
    counts.changedFiles++;
    if (delta > 0) counts.grownBytes += delta;
    else counts.shrunkBytes -= delta;
    this.keepFile({ path, kind: 'changed', size, previousSize, deltaBytes: delta });
  }

  private removed(folder: string, entry: number): void {
    const counts = this.countsOf(folder);
    counts.removedFiles++;
    counts.shrunkBytes += this.o.size[entry] as number;
  }

  private keepFile(file: GrowthFile): void {
    this.changedFileCount++;
    this.files.push(file);
    // Sorting now and then keeps memory bounded by the limit, not by how many files changed.
    if (this.files.length >= this.fileLimit * 4 + 64) this.trimFiles();
  }

  private trimFiles(): void {
    this.files.sort(byFileGrowth);
    if (this.files.length > this.fileLimit) this.files.length = this.fileLimit;
  }
}

// Most grown first; among equal growth (e.g. same-size edits), the bigger file first, then by path.
function byFileGrowth(a: GrowthFile, b: GrowthFile): number {
  return b.deltaBytes - a.deltaBytes || b.size - a.size || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/**
 * Finds each newer child's counterpart among an older folder's children. Two archives of one source
 * nearly always list a folder's children in the same order, so the older child after the last match
 * is tried first by comparing name bytes (no string is made); only when that fails are the older
 * names put in a map. Names borg shows alike (see FLAG_AMBIGUOUS) always go through the map, with a
 * running number, so twins pair up in listing order instead of hiding one another.
 */
class ChildMatcher {
  private cursor: number;
  private byName: Map<string, number> | undefined;
  private readonly twins = new Map<string, number>();

  constructor(
    private readonly o: TreeColumns,
    private readonly n: TreeColumns,
    private readonly older: number,
    private readonly taken: Uint8Array,
  ) {
    this.cursor = older < 0 ? -1 : (o.firstChild[older] as number);
  }

  /** The older child named like newer child k, or -1. */
  match(k: number): number {
    if (this.older < 0) return -1;
    const { o, n, taken } = this;
    const c = this.cursor;
    const plain = (((n.flags[k] as number) | (c >= 0 ? (o.flags[c] as number) : 0)) & FLAG_AMBIGUOUS) === 0;
    if (c >= 0 && plain && taken[c] === 0 && sameName(o, c, n, k)) return this.take(c);
    this.byName ??= childrenByName(o, this.older);
    const m = this.byName.get(keyOf(n, k, n.nameOf(k), this.twins)) ?? -1;
    return m < 0 || taken[m] === 1 ? -1 : this.take(m);
  }

  /** The older children no newer child matched. */
  unmatched(): number[] {
    const left: number[] = [];
    if (this.older < 0) return left;
    const { o, taken } = this;
    for (let m = o.firstChild[this.older] as number; m >= 0; m = o.nextSibling[m] as number)
      if (taken[m] === 0) left.push(m);
    return left;
  }

  private take(m: number): number {
    this.taken[m] = 1;
    this.cursor = this.o.nextSibling[m] as number;
    return m;
  }
}

function sameName(a: TreeColumns, i: number, b: TreeColumns, k: number): boolean {
  const aStart = a.nameOff[i] as number;
  const bStart = b.nameOff[k] as number;
  const length = (a.nameOff[i + 1] as number) - aStart;
  if ((b.nameOff[k + 1] as number) - bStart !== length) return false;
  for (let x = 0; x < length; x++) if (a.pool[aStart + x] !== b.pool[bStart + x]) return false;
  return true;
}

function childrenByName(c: TreeColumns, dir: number): Map<string, number> {
  const byName = new Map<string, number>();
  const twins = new Map<string, number>();
  for (let k = c.firstChild[dir] as number; k >= 0; k = c.nextSibling[k] as number)
    byName.set(keyOf(c, k, c.nameOf(k), twins), k);
  return byName;
}

function keyOf(c: TreeColumns, i: number, name: string, twins: Map<string, number>): string {
  if (((c.flags[i] as number) & FLAG_AMBIGUOUS) === 0) return name;
  const seen = twins.get(name) ?? 0;
  twins.set(name, seen + 1);
  return `${name}\u0000${seen}`;
}

// Every folder's counts including everything below it, up to and including the scope folder.
function rollUp(direct: ReadonlyMap<string, Counts>, scope: string): Map<string, Counts> {
  const subtree = new Map<string, Counts>();
  for (const [folder, counts] of direct) {
    for (let at = folder; ; at = folderOf(at)) {
      let sum = subtree.get(at);
      if (sum === undefined) {
        sum = zero();
        subtree.set(at, sum);
      }
      sum.grownBytes += counts.grownBytes;
      sum.shrunkBytes += counts.shrunkBytes;
      sum.addedFiles += counts.addedFiles;
      sum.changedFiles += counts.changedFiles;
      sum.removedFiles += counts.removedFiles;
      if (at === scope || at === '') break;
    }
  }
  return subtree;
}

// The folders that speak for growth (module comment), most grown first; the scope itself is the total.
function namedFolders(
  subtree: ReadonlyMap<string, Counts>,
  scope: string,
  limit: number,
): { folders: GrowthFolder[]; truncated: boolean } {
  const biggestChild = new Map<string, number>();
  for (const [folder, counts] of subtree) {
    if (folder === scope) continue;
    const parent = folderOf(folder);
    biggestChild.set(parent, Math.max(biggestChild.get(parent) ?? 0, counts.grownBytes));
  }
  const named: GrowthFolder[] = [];
  for (const [folder, counts] of subtree) {
    if (folder === scope || counts.grownBytes <= 0) continue;
    if ((biggestChild.get(folder) ?? 0) >= counts.grownBytes * DOMINANT_SHARE) continue;
    named.push({ path: folder, ...withNet(counts) });
  }
  named.sort((a, b) => b.grownBytes - a.grownBytes || (a.path < b.path ? -1 : 1));
  return { folders: named.slice(0, limit), truncated: named.length > limit };
}

function withNet(counts: Counts): GrowthCounts {
  return { ...counts, netBytes: counts.grownBytes - counts.shrunkBytes };
}
