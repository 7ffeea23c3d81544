/**
 * Pages of archive folders as `archives:folder` returns them, cached per folder and sort order so
 * scrolling back, re-sorting back or returning to a folder needs no new request. While an archive is
 * still being read, pages are marked incomplete and refetched once the index has grown.
 */
import type { ArchiveEntry, ArchiveRef, EntrySort, FolderPage } from '../../../src-main/model/archive.js';

/** Rows per cached page (and per ordinary request). */
export const PAGE_SIZE = 200;

interface CachedPage {
  readonly entries: readonly ArchiveEntry[];
  readonly complete: boolean;
  /** The index state the page was read at; an incomplete page from an older state is stale. */
  readonly stamp: string;
}

interface CachedFolder {
  total: number;
  complete: boolean;
  readonly pages: Map<number, CachedPage>;
}

/** What is known about a folder's size. */
export interface FolderTotals {
  readonly total: number;
  readonly complete: boolean;
}

/** The cache key of one folder in one sort order. */
export function folderKey(ref: ArchiveRef, path: string, sort: EntrySort): string {
  return [ref.repoId, ref.archiveName, path, sort.key, sort.direction].join('\u0000');
}

/** A bounded cache of folder pages. */
export class FolderPageCache {
  private readonly folders = new Map<string, CachedFolder>();

  constructor(
    private readonly maxFolders = 60,
    private readonly maxPagesPerFolder = 150,
  ) {}

  /** Size of a folder, once any page of it has arrived. */
  totals(key: string): FolderTotals | undefined {
    const folder = this.touch(key);
    return folder ? { total: folder.total, complete: folder.complete } : undefined;
  }

  /** The entry at `index` of a folder, if its page is cached. */
  entryAt(key: string, index: number): ArchiveEntry | undefined {
    const page = this.folders.get(key)?.pages.get(Math.floor(index / PAGE_SIZE));
    return page?.entries[index % PAGE_SIZE];
  }

  /** Stores a reply; a large window (offset aligned to PAGE_SIZE) is split into pages. */
  put(key: string, reply: FolderPage, stamp: string): void {
    const folder = this.touch(key) ?? this.create(key);
    folder.total = reply.total;
    folder.complete = reply.complete;
    const firstPage = Math.floor(reply.offset / PAGE_SIZE);
    for (let start = 0; start < reply.entries.length || start === 0; start += PAGE_SIZE) {
      const entries = reply.entries.slice(start, start + PAGE_SIZE);
      folder.pages.set(firstPage + start / PAGE_SIZE, { entries, complete: reply.complete, stamp });
      if (reply.entries.length === 0) break;
    }
    this.trimPages(folder, firstPage);
  }

  /** Pages covering rows `[first, last)` that are missing, or incomplete and older than `stamp`. */
  pagesToFetch(key: string, first: number, last: number, stamp: string): number[] {
    const folder = this.folders.get(key);
    const end = Math.max(first + 1, last);
    const wanted: number[] = [];
    for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor((end - 1) / PAGE_SIZE); page += 1) {
      const cached = folder?.pages.get(page);
      if (!cached || (!cached.complete && cached.stamp !== stamp)) wanted.push(page);
    }
    return wanted;
  }

  /** Every cached entry of a folder when all of its pages are cached and complete. */
  allEntries(key: string): readonly ArchiveEntry[] | undefined {
    const folder = this.folders.get(key);
    if (!folder?.complete) return undefined;
    const entries: ArchiveEntry[] = [];
    const pages = Math.ceil(folder.total / PAGE_SIZE);
    for (let page = 0; page < pages; page += 1) {
      const cached = folder.pages.get(page);
      if (!cached?.complete) return undefined;
      entries.push(...cached.entries);
    }
    return entries;
  }

  private touch(key: string): CachedFolder | undefined {
    const folder = this.folders.get(key);
    if (folder) {
      // Map order is insertion order: re-inserting marks the folder as most recently used.
      this.folders.delete(key);
      this.folders.set(key, folder);
    }
    return folder;
  }

  private create(key: string): CachedFolder {
    const folder: CachedFolder = { total: 0, complete: false, pages: new Map() };
    this.folders.set(key, folder);
    while (this.folders.size > this.maxFolders) {
      const oldest = this.folders.keys().next().value;
      if (oldest === undefined) break;
      this.folders.delete(oldest);
    }
    return folder;
  }

  // Keeps the pages nearest to where the user is reading; far-away pages are cheap to fetch again.
  private trimPages(folder: CachedFolder, around: number): void {
    if (folder.pages.size <= this.maxPagesPerFolder) return;
    const byDistance = [...folder.pages.keys()].sort((a, b) => Math.abs(b - around) - Math.abs(a - around));
    for (const page of byDistance.slice(0, folder.pages.size - this.maxPagesPerFolder)) {
      folder.pages.delete(page);
    }
  }
}
