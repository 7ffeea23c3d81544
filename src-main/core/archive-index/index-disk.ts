/**
 * The index files on disk as one bounded cache: reads wait for a write of the same file, every read
 * marks its file as just used (its mtime: index files never change after they are written, so the
 * mtime is free to record the last open), and after each write the least recently used files go
 * until the whole cache fits its size cap again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ArchiveTree } from './archive-tree.js';
import type { ArchiveIds } from './index-slot.js';
import { IndexStore } from './index-store.js';
import { log } from '../logging/log.js';

/** Default size cap of the index cache (settings: archiveIndexCacheMb). */
export const DEFAULT_INDEX_CAP_BYTES = 2_000_000_000;

/** How much the cache holds. */
export interface IndexDiskUsage {
  readonly bytes: number;
  readonly archives: number;
  readonly capBytes: number;
}

interface IndexFile {
  readonly file: string;
  readonly bytes: number;
  readonly usedAt: number;
}

/** Index files with pending-write tracking and an LRU size cap. */
export class IndexDisk {
  readonly store: IndexStore;
  private readonly writes = new Map<string, Promise<void>>();
  private trimming: Promise<void> = Promise.resolve();

  constructor(
    root: string,
    private readonly capBytes: () => number = () => DEFAULT_INDEX_CAP_BYTES,
  ) {
    this.store = new IndexStore(root);
  }

  /** The stored tree (undefined when absent or unreadable: that only costs a rebuild). */
  async read(ids: ArchiveIds): Promise<ArchiveTree | undefined> {
    const file = this.store.fileOf(ids.repositoryId, ids.archiveId);
    // An index still being written is read once it is complete.
    await this.writes.get(file);
    try {
      const tree = await this.store.read(ids.repositoryId, ids.archiveId);
      if (tree !== undefined) await touch(file);
      return tree;
    } catch (e) {
      log.warn('could not read an archive index; rebuilding it', e);
      return undefined;
    }
  }

  /** True when the archive's index file exists (without reading it). */
  async has(ids: ArchiveIds): Promise<boolean> {
    await this.writes.get(this.store.fileOf(ids.repositoryId, ids.archiveId));
    return fs
      .stat(this.store.fileOf(ids.repositoryId, ids.archiveId))
      .then((s) => s.isFile())
      .catch(() => false);
  }

  /** Writes an index in the background (a failure is only logged), then trims the cache to its cap. */
  persist(ids: ArchiveIds, tree: ArchiveTree): Promise<void> {
    const file = this.store.fileOf(ids.repositoryId, ids.archiveId);
    const write = this.store
      .write(ids.repositoryId, ids.archiveId, tree.serialize())
      .then(() => this.trim(new Set([file])))
      .catch((e: unknown) => log.warn(`could not save the archive index ${file}`, e))
      .finally(() => {
        if (this.writes.get(file) === write) this.writes.delete(file);
      });
    this.writes.set(file, write);
    return write;
  }

  /** Resolves once every write under way has ended. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.writes.values()]);
  }

  /** Removes the least recently used files until the cache fits its cap; `keep` files stay. */
  trim(keep: ReadonlySet<string> = new Set()): Promise<void> {
    const run = this.trimming.then(async () => {
      const files = (await this.files()).sort((a, b) => a.usedAt - b.usedAt);
      let total = files.reduce((sum, f) => sum + f.bytes, 0);
      const cap = this.capBytes();
      for (const f of files) {
        if (total <= cap) break;
        if (keep.has(f.file) || this.writes.has(f.file)) continue;
        await fs.rm(f.file, { force: true });
        total -= f.bytes;
      }
    });
    this.trimming = run.catch((e: unknown) => log.warn('could not trim the archive indexes', e));
    return this.trimming;
  }

  /** Bytes and number of the index files. */
  async usage(): Promise<IndexDiskUsage> {
    const files = await this.files();
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    return { bytes, archives: files.length, capBytes: this.capBytes() };
  }

  /** Removes every index file (not the catalogs: they cost nothing and spare a listing). */
  async clear(): Promise<void> {
    await this.idle();
    await Promise.all((await this.files()).map((f) => fs.rm(f.file, { force: true })));
  }

  // Every index file of every repository (the catalog folder holds JSON, not indexes).
  private async files(): Promise<IndexFile[]> {
    const found: IndexFile[] = [];
    for (const dir of await names(this.store.root)) {
      const folder = path.join(this.store.root, dir);
      for (const name of await names(folder)) {
        if (!name.endsWith('.bin')) continue;
        const file = path.join(folder, name);
        const s = await fs.stat(file).catch(() => undefined);
        if (s?.isFile()) found.push({ file, bytes: s.size, usedAt: s.mtimeMs });
      }
    }
    return found;
  }
}

async function names(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => []);
}

// The last open, recorded as the file's mtime; a file that cannot be touched just ages sooner.
async function touch(file: string): Promise<void> {
  const now = new Date();
  await fs.utimes(file, now, now).catch(() => undefined);
}
