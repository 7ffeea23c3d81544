/** The service's record of one archive's index: its lifecycle (loading → ready | failed) and its tree. */
import type { ArchiveIndexState, ArchiveRef } from '../../model/archive.js';
import type { SerializedError } from '../../model/errors.js';
import { serializeError } from '../serialize-error.js';
import type { ArchiveTree } from './archive-tree.js';

/** Borg's ids of an archive: the cache key of its index file. */
export interface ArchiveIds {
  readonly repositoryId: string;
  readonly archiveId: string;
}

/** How often at most a loading index reports its growing entry count. */
export const PROGRESS_INTERVAL_MS = 200;

/** Map key of an archive reference: by id where it is known (borg 2's series share names), else by name. */
export function slotKey(ref: ArchiveRef): string {
  return ref.archiveId === undefined
    ? `${ref.repoId}\u0000${ref.archiveName}`
    : `${ref.repoId}\u0000id\u0000${ref.archiveId}`;
}

/** One archive's index in memory (partial while loading). */
export class IndexSlot {
  status: ArchiveIndexState['status'] = 'loading';
  fromCache = false;
  tree: ArchiveTree | undefined;
  ids: ArchiveIds | undefined;
  failure: unknown;
  readonly key: string;
  readonly abort = new AbortController();
  /** Settles once it is known whether the index came from disk (open() waits for this much). */
  readonly probed: Promise<void>;
  /** The complete tree; rejects with the original error on failure. */
  readonly done: Promise<ArchiveTree>;
  private serialized: SerializedError | undefined;
  private ticker: NodeJS.Timeout | undefined;
  private lastReported = -1;
  private settleProbe: () => void = () => undefined;
  private settleDone: (tree: ArchiveTree) => void = () => undefined;
  private failDone: (e: unknown) => void = () => undefined;

  constructor(readonly ref: ArchiveRef) {
    this.key = slotKey(ref);
    this.probed = new Promise((resolve) => (this.settleProbe = resolve));
    this.done = new Promise((resolve, reject) => {
      this.settleDone = resolve;
      this.failDone = reject;
    });
    // Nobody may be waiting for the tree; a failure is reported through the state instead.
    this.done.catch(() => undefined);
  }

  /** The state as the contract describes it. */
  state(): ArchiveIndexState {
    const state: ArchiveIndexState = {
      repoId: this.ref.repoId,
      archiveName: this.ref.archiveName,
      ...(this.ref.archiveId === undefined ? {} : { archiveId: this.ref.archiveId }),
      status: this.status,
      entryCount: this.tree?.entryCount ?? 0,
      fromCache: this.fromCache,
    };
    if (this.serialized !== undefined) state.error = this.serialized;
    return state;
  }

  /** Not in the disk cache: streaming from borg starts; reports progress at most every PROGRESS_INTERVAL_MS. */
  startLoading(emit: (state: ArchiveIndexState) => void): void {
    this.settleProbe();
    emit(this.state());
    this.lastReported = 0;
    this.ticker = setInterval(() => {
      const count = this.tree?.entryCount ?? 0;
      if (count === this.lastReported) return;
      this.lastReported = count;
      emit(this.state());
    }, PROGRESS_INTERVAL_MS);
    this.ticker.unref();
  }

  /** The whole tree is there. */
  succeed(tree: ArchiveTree, fromCache: boolean, ids: ArchiveIds): void {
    this.stopTicker();
    this.status = 'ready';
    this.tree = tree;
    this.fromCache = fromCache;
    this.ids = ids;
    this.settleProbe();
    this.settleDone(tree);
  }

  /** Loading failed (or was cancelled); the partial tree is dropped. */
  fail(e: unknown): void {
    this.stopTicker();
    this.status = 'failed';
    this.tree = undefined;
    this.failure = e;
    this.serialized = serializeError(e);
    this.settleProbe();
    this.failDone(e);
  }

  /** Stops progress reports (on dispose). */
  stopTicker(): void {
    if (this.ticker !== undefined) clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
