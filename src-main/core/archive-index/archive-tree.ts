/**
 * The contents of one archive as a compact tree, built incrementally from `borg list --json-lines`
 * items as they stream in: a folder can be browsed while borg is still listing. Storage is
 * columnar (tree-columns.ts); this class adds the item intake, folder paging, lookups and search.
 */
import type { ArchiveEntry, EntrySort } from '../../model/archive.js';
import type { ArchiveItem } from '../../borg/json-output.js';
import { FolderOrders } from './folder-order.js';
import { parseTime, TYPE_DIR, TYPE_SYMLINK, typeCode, type ParsedTime } from './item-fields.js';
import { decodeColumns, encodeColumns } from './tree-codec.js';
import { FLAG_AMBIGUOUS, FLAG_LISTED, TreeColumns } from './tree-columns.js';
import {
  childNamed,
  findByWalk,
  folderOf,
  joinPath,
  normalizePath,
  pathOf,
  toEntry,
} from './tree-entries.js';
import { buildSearchText, searchEntries, searchLowerPool, type SearchText } from './tree-search.js';
import { visitSubtrees } from './tree-walk.js';

interface RecentAttr {
  readonly mode: string;
  readonly user: string;
  readonly group: string;
  readonly suffix: string;
  readonly id: number;
}

/** A browsable, searchable, serializable archive listing. */
export class ArchiveTree {
  private readonly c: TreeColumns;
  private readonly orders: FolderOrders;
  /** Folder path → entry, for placing streamed items; rebuilt on demand after deserialize. */
  private dirs: Map<string, number> | undefined;
  private lastDirPath = '';
  private lastDir = 0;
  private searchText: SearchText | undefined;
  private readonly time: ParsedTime = { micros: 0, suffix: '' };
  private recentAttr: RecentAttr = { mode: '', user: '', group: '', suffix: '', id: 0 };
  private olderAttr: RecentAttr = this.recentAttr;

  constructor(columns: TreeColumns = new TreeColumns()) {
    this.c = columns;
    this.orders = new FolderOrders(columns);
    if (columns.count === 1) this.dirs = new Map();
  }

  /** Adds one listed item. Items may come in any order; missing parent folders are implied. */
  add(item: ArchiveItem): void {
    const path = normalizePath(item.path);
    if (path === '') return;
    const dirs = this.dirs ?? this.rebuildDirs();
    const type = typeCode(item.type);
    let i = type === TYPE_DIR ? (dirs.get(path) ?? -1) : -1;
    // Only a "?" can stand for an undecodable byte; other names are never checked for twins.
    const mayBeTwin = path.includes('?');
    if (i >= 0 && mayBeTwin && ((this.c.flags[i] as number) & FLAG_LISTED) !== 0) this.markAmbiguous(i);
    if (i < 0) {
      const slash = path.lastIndexOf('/');
      const parent = slash < 0 ? 0 : this.parentOf(path, slash, dirs);
      const twin = mayBeTwin ? childNamed(this.c, parent, Buffer.from(path.slice(slash + 1), 'utf8')) : -1;
      i = this.c.append(parent, path, slash + 1, type);
      if (type === TYPE_DIR) dirs.set(path, i);
      if (twin >= 0) {
        this.markAmbiguous(twin);
        this.markAmbiguous(i);
      }
    }
    if (type === TYPE_DIR) {
      // Borg lists a folder just before its contents: remember it for the next items.
      this.lastDirPath = path;
      this.lastDir = i;
    }
    this.setAttributes(i, item, type);
  }

  /** Number of entries, implied folders included (the root is not counted). */
  get entryCount(): number {
    return this.c.count - 1;
  }

  /** The columns themselves, read-only by contract, for whole-tree comparisons (growth.ts). */
  get columns(): TreeColumns {
    return this.c;
  }

  /** Approximate memory held, for the in-memory cache's budget. */
  get byteSize(): number {
    const search = this.searchText === undefined ? 0 : this.searchText.text.length * 2 + this.c.count * 4;
    return this.c.byteSize + this.orders.byteSize + search + (this.dirs?.size ?? 0) * 120;
  }

  /** A window of a folder's children in the given order; undefined when the folder is not (yet) known. */
  folder(
    path: string,
    sort: EntrySort,
    offset: number,
    limit: number,
  ): { entries: ArchiveEntry[]; total: number } | undefined {
    const folderPath = normalizePath(path);
    const dir = this.find(folderPath);
    if (dir < 0 || this.c.type[dir] !== TYPE_DIR) return undefined;
    const entries = this.orders
      .page(dir, sort, offset, limit)
      .map((k) => toEntry(this.c, k, joinPath(folderPath, this.c.nameOf(k))));
    return { entries, total: this.c.childCount[dir] as number };
  }

  /**
   * The folder holding an archive path and the entry's row in that folder's pages under `sort`;
   * undefined when the path is not (yet) in the tree or is the root.
   */
  locate(path: string, sort: EntrySort): { folder: string; index: number } | undefined {
    const normalized = normalizePath(path);
    const i = normalized === '' ? -1 : this.find(normalized);
    if (i <= 0) return undefined;
    const index = this.orders.rowOf(this.c.parent[i] as number, sort, i);
    if (index < 0) return undefined;
    return { folder: folderOf(normalized), index };
  }

  /** The entry at an archive path ('' is the root folder). */
  lookup(path: string): ArchiveEntry | undefined {
    const normalized = normalizePath(path);
    const i = this.find(normalized);
    return i < 0 ? undefined : toEntry(this.c, i, normalized);
  }

  /** Files (not folders) under `paths` ('' = everything): count and bytes, for restore previews. */
  measure(paths: readonly string[]): { fileCount: number; totalBytes: number } {
    const c = this.c;
    let fileCount = 0;
    let totalBytes = 0;
    visitSubtrees(c, this.roots(paths), (i) => {
      if (c.type[i] === TYPE_DIR) return;
      fileCount++;
      totalBytes += c.size[i] as number;
    });
    return { fileCount, totalBytes };
  }

  /** Visit every entry under `paths` (including the folders themselves), parents before children. */
  walk(paths: readonly string[], visit: (entry: ArchiveEntry) => void): void {
    visitSubtrees(this.c, this.roots(paths), (i, path) => visit(toEntry(this.c, i, path)), true);
  }

  /** Up to `limit` matches of a name (or, with a '/', path) search; truncated when more exist. */
  search(
    query: string,
    mode: 'substring' | 'glob',
    limit: number,
  ): { matches: ArchiveEntry[]; truncated: boolean } {
    const matches: ArchiveEntry[] = [];
    let truncated = false;
    this.searchEach(query, mode, (entry) => {
      if (matches.length >= limit) {
        truncated = true;
        return false;
      }
      matches.push(entry);
      return true;
    });
    return { matches, truncated };
  }

  /** Calls visit for each match until it returns false (for searches across many archives). */
  searchEach(query: string, mode: 'substring' | 'glob', visit: (entry: ArchiveEntry) => boolean): void {
    const each = (i: number): boolean => visit(toEntry(this.c, i));
    if (mode === 'substring' && searchLowerPool(this.c, query, each)) return;
    if (this.searchText?.stamp !== this.c.count) this.searchText = buildSearchText(this.c);
    searchEntries(this.c, this.searchText, query, mode, each);
  }

  /** The index file's bytes (see tree-codec.ts for the format). */
  serialize(): Buffer {
    return encodeColumns(this.c);
  }

  /** Reads a buffer written by serialize; throws IndexFormatError for a corrupt or outdated one. */
  static deserialize(data: Buffer): ArchiveTree {
    return new ArchiveTree(decodeColumns(data));
  }

  private find(path: string): number {
    if (path === '') return 0;
    const dir = this.dirs?.get(path);
    if (dir !== undefined) return dir;
    return findByWalk(this.c, path);
  }

  // Entry indexes for a selection; a path inside another selected path is covered by it.
  private roots(paths: readonly string[]): number[] {
    const found = new Set<number>();
    for (const p of paths) {
      const i = this.find(normalizePath(p));
      if (i >= 0) found.add(i);
    }
    if (found.has(0)) return [0];
    return [...found].filter((i) => {
      for (let p = this.c.parent[i] as number; p > 0; p = this.c.parent[p] as number)
        if (found.has(p)) return false;
      return true;
    });
  }

  private parentOf(path: string, slash: number, dirs: Map<string, number>): number {
    // lastIndexOf(x, 0) is a prefix test; V8's startsWith is several times slower on these strings.
    if (slash === this.lastDirPath.length && path.lastIndexOf(this.lastDirPath, 0) === 0) return this.lastDir;
    const dirPath = path.slice(0, slash);
    const parent = dirs.get(dirPath) ?? this.imply(dirPath, dirs);
    this.lastDirPath = dirPath;
    this.lastDir = parent;
    return parent;
  }

  // Creates a folder that no item named yet (and its missing ancestors).
  private imply(dirPath: string, dirs: Map<string, number>): number {
    const slash = dirPath.lastIndexOf('/');
    const parent =
      slash < 0 ? 0 : (dirs.get(dirPath.slice(0, slash)) ?? this.imply(dirPath.slice(0, slash), dirs));
    const i = this.c.append(parent, dirPath, slash + 1, TYPE_DIR);
    dirs.set(dirPath, i);
    return i;
  }

  private setAttributes(i: number, item: ArchiveItem, type: number): void {
    const c = this.c;
    // A folder stays a folder once it has contents, whatever a stray duplicate item says.
    if (c.type[i] !== TYPE_DIR || c.childCount[i] === 0) c.type[i] = type;
    c.flags[i] = (c.flags[i] as number) | FLAG_LISTED;
    c.size[i] = item.size ?? 0;
    parseTime(item.mtime, this.time);
    c.mtime[i] = this.time.micros;
    const user = item.user ?? (item.uid === undefined ? '' : String(item.uid));
    const group = item.group ?? (item.gid === undefined ? '' : String(item.gid));
    c.attr[i] = this.attrId(item.mode ?? '', user, group, this.time.suffix);
    if (type === TYPE_SYMLINK && item.linktarget) c.linkTargets.set(i, item.linktarget);
  }

  // Consecutive items nearly always repeat one of the last two tuples (a folder's and a file's).
  private attrId(mode: string, user: string, group: string, suffix: string): number {
    const a = this.recentAttr;
    if (a.mode === mode && a.user === user && a.group === group && a.suffix === suffix) return a.id;
    const b = this.olderAttr;
    if (b.mode === mode && b.user === user && b.group === group && b.suffix === suffix) {
      this.olderAttr = a;
      this.recentAttr = b;
      return b.id;
    }
    const id = this.c.internAttr(mode, user, group, suffix);
    this.olderAttr = a;
    this.recentAttr = { mode, user, group, suffix, id };
    return id;
  }

  private markAmbiguous(i: number): void {
    this.c.flags[i] = (this.c.flags[i] as number) | FLAG_AMBIGUOUS;
  }

  private rebuildDirs(): Map<string, number> {
    const dirs = new Map<string, number>();
    for (let i = 1; i < this.c.count; i++) if (this.c.type[i] === TYPE_DIR) dirs.set(pathOf(this.c, i), i);
    this.dirs = dirs;
    return dirs;
  }
}
