/**
 * Archive contents indexes for the restore browser. Opening an archive streams `borg list
 * --json-lines` into an ArchiveTree (browsable while borg still lists), saves it to disk once
 * complete, and serves later opens from that file without running borg. A few complete trees stay
 * in memory (LRU by bytes); evicted ones reload from disk, and the files themselves are an LRU under a
 * size cap (index-disk.ts). All borg work runs in the repository's lane. indexInBackground builds the
 * index of a new archive nobody opened yet at low priority, giving way to any other work in the lane.
 *
 * Never await tree(), versions() or searchAll() inside the repository's own lane: they queue borg work there.
 */
import path from 'node:path';
import type { BorgContext } from '../../borg/exec.js';
import { runListArchives, type ArchiveListing } from '../../borg/commands/list-archives.js';
import { runListContents } from '../../borg/commands/list-contents.js';
import type {
  ArchiveIndexState,
  ArchiveRef,
  CrossArchiveHit,
  EntrySort,
  FileVersion,
  FolderPage,
  SearchResult,
} from '../../model/archive.js';
import { AppError } from '../app-error.js';
import { ArchiveCatalog, type CatalogEntry } from './archive-catalog.js';
import { ArchiveTree } from './archive-tree.js';
import { searchAcross, versionsOf, type IndexedArchive } from './cross-archive.js';
import { IndexSlot, slotKey, type ArchiveIds } from './index-slot.js';
import { IndexDisk, type IndexDiskUsage } from './index-disk.js';
import { folderOf, normalizePath } from './tree-entries.js';
import { idsOf, loadingCancelled, newestFirst, notInArchive, withPatternErrors } from './service-support.js';
import { log } from '../logging/log.js';

/** What the service needs from the core. */
export interface ArchiveIndexDeps {
  /** Index files live in cacheDir/archive-index/<repositoryId>/<archiveId>.bin. */
  readonly cacheDir: string;
  /** Location + BorgContext (passphrase, shutdown signal) for a repository; throws AppError/BorgError. */
  resolve(repoId: string): Promise<{ location: string; ctx: BorgContext }>;
  /** Run borg for repoId in its lane (one borg per repository). */
  runInLane<T>(repoId: string, task: () => Promise<T>): Promise<T>;
  /**
   * Background work in repoId's lane (SerialLanes.runYielding): behind everything else, and told by
   * `yieldSignal` to stop when other work arrives. Without it background indexing uses runInLane.
   */
  runInLaneYielding?<T>(repoId: string, task: (yieldSignal: AbortSignal) => Promise<T>): Promise<T>;
  /** The size cap of the index files on disk (default 2 GiB), read at each trim. */
  diskCapBytes?(): number;
  /** The core forwards it as 'archive-index:updated'. */
  emit(state: ArchiveIndexState): void;
  /** Memory for complete trees kept in memory (default 256 MiB); loading trees always stay. */
  readonly memoryBudgetBytes?: number;
}

const DEFAULT_BUDGET = 256 * 1024 * 1024;

interface Built {
  readonly tree: ArchiveTree;
  readonly fromCache: boolean;
  readonly ids: ArchiveIds;
}
const MAX_TREES = 8;

/** Opens, caches and queries archive contents indexes. */
export class ArchiveIndexService {
  private readonly slots = new Map<string, IndexSlot>();
  private readonly disk: IndexDisk;
  private readonly catalog: ArchiveCatalog;
  /** Builds that reached their turn in the lane (their borg runs end promptly once aborted). */
  private readonly active = new Set<Promise<unknown>>();
  /** Keys of slots built in the background: not kept in memory once saved, nobody has opened them. */
  private readonly background = new Set<string>();
  private disposed = false;
  /** How many archive contents listings (`borg list` of one archive) this service has run. */
  contentListings = 0;

  constructor(private readonly deps: ArchiveIndexDeps) {
    const root = path.join(deps.cacheDir, 'archive-index');
    this.disk = new IndexDisk(root, deps.diskCapBytes);
    this.catalog = new ArchiveCatalog(root);
  }

  /**
   * Indexes an archive nobody has opened (a plan run just made it) at low priority; resolves when it
   * is on disk, failed, or was not needed (already indexed or open). Never rejects.
   */
  async indexInBackground(
    ref: ArchiveRef & { readonly archiveId: string },
    repositoryId?: string,
  ): Promise<void> {
    try {
      if (this.disposed || this.slots.has(slotKey(ref))) return;
      const ids = repositoryId === undefined ? undefined : { repositoryId, archiveId: ref.archiveId };
      if (ids !== undefined && (await this.disk.has(ids))) return;
      // Shutting down meanwhile makes slotFor throw; that lands below like any failure.
      await this.slotFor(ref, ids, true).done;
      await this.disk.idle();
    } catch (e) {
      // Shutting down cancels it: nothing worth a warning.
      if (!this.disposed) log.debug(`background indexing of "${ref.archiveName}" stopped`, e);
    }
  }

  /** Size and number of the index files on disk. */
  usage(): Promise<IndexDiskUsage> {
    return this.disk.usage();
  }

  /** Removes every index file on disk and forgets complete trees (loading ones carry on). */
  async clear(): Promise<void> {
    for (const slot of [...this.slots.values()]) if (slot.status !== 'loading') this.slots.delete(slot.key);
    await this.disk.clear();
  }

  /** Trims the index files to the cap (after the cap setting changed). */
  trimDisk(): Promise<void> {
    return this.disk.trim();
  }

  /** Starts (or joins) indexing; resolves at once with 'loading', or 'ready' when the disk cache had it. */
  async open(ref: ArchiveRef): Promise<ArchiveIndexState> {
    const slot = this.slotFor(ref);
    await slot.probed;
    return slot.state();
  }

  /** A window of one folder; `complete` is false while borg is still listing. */
  async folder(
    ref: ArchiveRef,
    path: string,
    sort: EntrySort,
    offset: number,
    limit: number,
  ): Promise<FolderPage> {
    const slot = this.slotFor(ref);
    await slot.probed;
    if (slot.status === 'failed') throw slot.failure;
    const complete = slot.status === 'ready';
    const page = slot.tree?.folder(path, sort, offset, limit);
    if (page !== undefined) return { path, entries: page.entries, total: page.total, offset, complete };
    if (complete) throw notInArchive(path, 'folder');
    return { path, entries: [], total: 0, offset, complete: false };
  }

  /**
   * The folder and row of `path` under `sort`. While borg still lists, an entry not read yet has a
   * null row (the caller asks again as the index grows); once complete, a missing path is NotFound.
   */
  async locate(
    ref: ArchiveRef,
    path: string,
    sort: EntrySort,
  ): Promise<{ folder: string; index: number | null; complete: boolean }> {
    const slot = this.slotFor(ref);
    await slot.probed;
    if (slot.status === 'failed') throw slot.failure;
    const complete = slot.status === 'ready';
    const found = slot.tree?.locate(path, sort);
    if (found !== undefined) return { ...found, complete };
    if (complete) throw notInArchive(path, 'entry');
    return { folder: folderOf(normalizePath(path)), index: null, complete };
  }

  /** Searches a whole archive (waits until it is fully indexed). */
  async search(
    ref: ArchiveRef,
    query: string,
    mode: 'substring' | 'glob',
    limit: number,
  ): Promise<SearchResult> {
    const tree = await this.tree(ref);
    return withPatternErrors(async () => tree.search(query, mode, limit));
  }

  /** Resolves with the whole tree once the archive is fully indexed (opens it if needed). */
  async tree(ref: ArchiveRef): Promise<ArchiveTree> {
    return this.slotFor(ref).done;
  }

  /** Every archive holding `path`, newest first, with whether it changed against the next-older one. */
  async versions(
    repoId: string,
    path: string,
  ): Promise<{ versions: FileVersion[]; archivesSearched: number }> {
    const archives = await this.indexedArchives(repoId);
    return { versions: await versionsOf(archives, path), archivesSearched: archives.length };
  }

  /** Searches every archive of a repository; hits grouped by path. */
  async searchAll(
    repoId: string,
    query: string,
    mode: 'substring' | 'glob',
    limit: number,
  ): Promise<{ hits: CrossArchiveHit[]; archivesSearched: number; truncated: boolean }> {
    const archives = await this.indexedArchives(repoId);
    const found = await withPatternErrors(() => searchAcross(archives, query, mode, limit));
    return { ...found, archivesSearched: archives.length };
  }

  /** Records a listing made elsewhere (e.g. repos:details), so opens find cached indexes without borg. */
  async noteArchives(repoId: string, listing: CatalogEntry): Promise<void> {
    await this.catalog.set(repoId, listing);
    const ids = new Map(listing.archives.map((a) => [a.name, a.id]));
    const live = new Set(listing.archives.map((a) => a.id));
    for (const slot of [...this.slots.values()]) {
      // A slot opened by id stays good while that id lives; one opened by name follows the name.
      const current = slot.ref.archiveId === undefined ? ids.get(slot.ref.archiveName) : slot.ref.archiveId;
      const stale =
        slot.ref.repoId === repoId &&
        slot.ids &&
        (current !== slot.ids.archiveId || !live.has(slot.ids.archiveId));
      if (stale && slot.status !== 'loading') this.slots.delete(slot.key);
    }
  }

  /** Drops cached indexes of archives that no longer exist. */
  async prune(repoId: string, liveArchiveIds: readonly string[]): Promise<void> {
    const entry = await this.catalog.get(repoId);
    // Without a catalog this service never indexed anything of the repository.
    if (entry === undefined) return;
    const live = new Set(liveArchiveIds);
    await this.disk.idle();
    await this.disk.store.prune(entry.repositoryId, liveArchiveIds);
    await this.catalog.retain(repoId, live);
    for (const slot of [...this.slots.values()])
      if (
        slot.ref.repoId === repoId &&
        slot.ids &&
        !live.has(slot.ids.archiveId) &&
        slot.status !== 'loading'
      )
        this.slots.delete(slot.key);
  }

  /** Cancels loads, waits for index files being written, and forgets every tree. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const slot of this.slots.values()) {
      slot.stopTicker();
      slot.abort.abort();
    }
    // Loads still queued behind other work end by themselves (their slot is aborted), so they are not awaited.
    await Promise.allSettled([...this.active]);
    await this.disk.idle();
    this.slots.clear();
  }

  private slotFor(ref: ArchiveRef, known?: ArchiveIds, background = false): IndexSlot {
    if (this.disposed) throw new AppError('Disposed', 'Borgdesk is shutting down.');
    const existing = this.slots.get(slotKey(ref));
    const stale =
      known !== undefined && existing?.ids !== undefined && existing.ids.archiveId !== known.archiveId;
    if (existing !== undefined && existing.status !== 'failed' && !stale) {
      // Somebody wants it now: it stays in memory once built.
      if (!background) this.background.delete(existing.key);
      this.touch(existing);
      return existing;
    }
    const slot = new IndexSlot(ref);
    this.slots.set(slot.key, slot);
    if (background) this.background.add(slot.key);
    else this.background.delete(slot.key);
    void this.load(slot, known, background);
    return slot;
  }

  private async load(slot: IndexSlot, known: ArchiveIds | undefined, background: boolean): Promise<void> {
    const { repoId, archiveName, archiveId } = slot.ref;
    try {
      const ids = known ?? (await this.catalog.archiveId(repoId, archiveName, archiveId));
      const cached = ids && (await this.disk.read(ids));
      if (ids && cached) return this.finish(slot, cached, true, ids);
      slot.startLoading((state) => this.emit(state));
      const built = background
        ? await this.buildGivingWay(slot, known)
        : await this.deps.runInLane(repoId, () => this.track(this.build(slot, known)));
      this.finish(slot, built.tree, built.fromCache, built.ids);
      if (!built.fromCache && !this.disposed) void this.disk.persist(built.ids, built.tree);
      // Nobody opened it meanwhile: it lives on disk only (a reopen reads it in well under a second).
      if (this.background.delete(slot.key) && this.slots.get(slot.key) === slot) this.slots.delete(slot.key);
    } catch (e) {
      slot.fail(e);
      if (this.slots.get(slot.key) === slot) this.emit(slot.state());
    }
  }

  // Background builds run behind all other work in the lane; when such work arrives, borg is stopped
  // and the listing starts over once the lane is free again (a listing cannot be resumed).
  private async buildGivingWay(slot: IndexSlot, known: ArchiveIds | undefined): Promise<Built> {
    const { repoId } = slot.ref;
    const inLane = this.deps.runInLaneYielding?.bind(this.deps);
    if (inLane === undefined)
      return this.deps.runInLane(repoId, () => this.track(this.build(slot, known, undefined)));
    for (;;) {
      let gaveWay: AbortSignal | undefined;
      try {
        return await inLane(repoId, (yieldSignal: AbortSignal) => {
          gaveWay = yieldSignal;
          return this.track(this.build(slot, known, yieldSignal));
        });
      } catch (e) {
        if (gaveWay?.aborted !== true || slot.abort.signal.aborted || this.disposed) throw e;
        slot.tree = undefined;
        this.emit(slot.state());
      }
    }
  }

  private async build(slot: IndexSlot, known: ArchiveIds | undefined, giveWay?: AbortSignal): Promise<Built> {
    const { repoId, archiveName, archiveId } = slot.ref;
    if (slot.abort.signal.aborted) throw loadingCancelled();
    const { location, ctx } = await this.deps.resolve(repoId);
    const signals = [slot.abort.signal, ...(ctx.signal ? [ctx.signal] : []), ...(giveWay ? [giveWay] : [])];
    const runCtx: BorgContext = {
      ...ctx,
      signal: AbortSignal.any(signals),
      lowPriority: giveWay !== undefined,
    };
    // Listing afresh gives the id of the archive that has this name now (names can be reused).
    const ids = known ?? idsOf(await this.listArchives(repoId, location, runCtx), archiveName, archiveId);
    const cached = await this.disk.read(ids);
    if (cached) return { tree: cached, fromCache: true, ids };
    const tree = new ArchiveTree();
    slot.tree = tree;
    this.contentListings++;
    await runListContents({ location, archiveName, archiveId: ids.archiveId }, runCtx, (item) =>
      tree.add(item),
    );
    return { tree, fromCache: false, ids };
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.active.add(work);
    const forget = (): void => void this.active.delete(work);
    work.then(forget, forget);
    return work;
  }

  private finish(slot: IndexSlot, tree: ArchiveTree, fromCache: boolean, ids: ArchiveIds): void {
    slot.succeed(tree, fromCache, ids);
    if (this.slots.get(slot.key) !== slot) return;
    this.emit(slot.state());
    this.evict(slot);
  }

  private async listArchives(repoId: string, location: string, ctx: BorgContext): Promise<ArchiveListing> {
    const listing = await runListArchives({ location }, ctx);
    await this.catalog.set(repoId, listing);
    return listing;
  }

  /**
   * The repository's archives (newest first), each with a way to get its complete tree. Lists them
   * with borg unless `cached` is set and an earlier listing is remembered.
   */
  async indexedArchives(repoId: string, cached = false): Promise<IndexedArchive[]> {
    const remembered = cached ? await this.catalog.get(repoId) : undefined;
    const listing: CatalogEntry =
      remembered ??
      (await this.deps.runInLane(repoId, async () => {
        const { location, ctx } = await this.deps.resolve(repoId);
        return this.listArchives(repoId, location, ctx);
      }));
    return newestFirst(listing.archives).map((a) => ({
      name: a.name,
      id: a.id,
      start: a.start,
      tree: () =>
        this.slotFor(
          { repoId, archiveName: a.name, archiveId: a.id },
          { repositoryId: listing.repositoryId, archiveId: a.id },
        ).done,
    }));
  }

  private touch(slot: IndexSlot): void {
    this.slots.delete(slot.key);
    this.slots.set(slot.key, slot);
  }

  // Least recently used complete trees go first; they reload from disk when needed again.
  private evict(keep: IndexSlot): void {
    const budget = this.deps.memoryBudgetBytes ?? DEFAULT_BUDGET;
    const ready = [...this.slots.values()].filter((s) => s.status === 'ready' && s.tree !== undefined);
    let bytes = ready.reduce((sum, s) => sum + (s.tree?.byteSize ?? 0), 0);
    let count = ready.length;
    for (const slot of ready) {
      if (bytes <= budget && count <= MAX_TREES) break;
      if (slot === keep) continue;
      bytes -= slot.tree?.byteSize ?? 0;
      count--;
      this.slots.delete(slot.key);
    }
  }

  private emit(state: ArchiveIndexState): void {
    if (!this.disposed) this.deps.emit(state);
  }
}
