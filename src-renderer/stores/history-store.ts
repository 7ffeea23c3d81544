/**
 * Job history: the pages the History screen has loaded (newest first, optionally for one repository),
 * each repository's and each plan target's latest backup for the dashboard, and the logs of opened
 * entries. Live entries
 * arrive through `history:added` (applied by bind-events).
 */
import { create } from 'zustand';
import type { HistoryEntry } from '../../src-main/model/history.js';
import type { LogEntry } from '../../src-main/model/job.js';
import { getApi } from '../api/select-client.js';
import {
  latestBackups,
  latestGoodBackups,
  latestPlanBackups,
  mergeEntries,
} from '../features/history/history-list.js';
import { toErrorInfo, type ErrorInfo } from '../lib/error-info.js';

/** Entries fetched per page. */
export const HISTORY_PAGE_SIZE = 50;
// Enough recent jobs of one repository to find its last backup, and each of its plans' last backup,
// among prunes, compacts, checks and restores (a plan run with retention is three jobs).
const LATEST_WINDOW = 60;

/** The log of one history entry, fetched when it is opened. */
export interface HistoryLogState {
  readonly lines?: readonly LogEntry[];
  readonly loading: boolean;
  readonly error?: ErrorInfo;
}

/** History state and its actions. */
export interface HistoryState {
  readonly entries: readonly HistoryEntry[];
  /** The repository the loaded pages are limited to; undefined means all. */
  readonly repoFilter?: string;
  readonly hasMore: boolean;
  readonly loaded: boolean;
  readonly loading: boolean;
  readonly error?: ErrorInfo;
  /** Latest backup per repository id; `null` once looked up and none was found. */
  readonly latest: Readonly<Record<string, HistoryEntry | null>>;
  /** Latest backup per plan target, keyed by planTargetKey; absent when none is known. */
  readonly latestByPlan: Readonly<Record<string, HistoryEntry>>;
  /** Latest complete backup per repository id (never cancelled, interrupted or a checkpoint). */
  readonly lastGood: Readonly<Record<string, HistoryEntry>>;
  readonly logs: Readonly<Record<string, HistoryLogState>>;

  /** Loads the first page for a repository (or all), replacing what was shown. */
  load(repoFilter?: string): Promise<void>;
  /** Loads the page after the oldest entry shown. */
  loadMore(): Promise<void>;
  /** Applies live entries from `history:added`. */
  addEntries(entries: readonly HistoryEntry[]): void;
  /** Looks up a repository's latest backup and the latest backup of each plan to it. */
  loadLatest(repoId: string): Promise<void>;
  loadLog(id: string): Promise<void>;
}

/** `known` with each of `found` that is at least as new as what it replaces (the same object when none is). */
function keepNewer<T extends HistoryEntry | null>(
  known: Readonly<Record<string, T>>,
  found: ReadonlyMap<string, HistoryEntry>,
): Readonly<Record<string, T | HistoryEntry>> {
  let next: Record<string, T | HistoryEntry> | undefined;
  for (const [key, entry] of found) {
    const current = known[key];
    if (current && current.finishedAt > entry.finishedAt) continue;
    next ??= { ...known };
    next[key] = entry;
  }
  return next ?? known;
}

// Each load gets a number; an answer for an older one (the filter changed meanwhile) is dropped.
let generation = 0;
// Live entries that arrive while a load is out: its answer may have been read before they were
// recorded, so they are merged into it rather than lost until the next visit.
let arrivedDuringLoad: HistoryEntry[] = [];

/** The history store. */
export const useHistoryStore = create<HistoryState>()((set, get) => ({
  entries: [],
  hasMore: false,
  loaded: false,
  loading: false,
  latest: {},
  latestByPlan: {},
  lastGood: {},
  logs: {},

  async load(repoFilter) {
    const mine = (generation += 1);
    arrivedDuringLoad = [];
    set({ repoFilter, loading: true, error: undefined });
    try {
      const page = await getApi().invoke('history:list', { repoId: repoFilter, limit: HISTORY_PAGE_SIZE });
      if (mine !== generation) return;
      const live = arrivedDuringLoad.filter((e) => repoFilter === undefined || e.repoId === repoFilter);
      arrivedDuringLoad = [];
      const entries = mergeEntries(mergeEntries([], page.entries), live);
      set({ entries, hasMore: page.hasMore, loaded: true, loading: false });
    } catch (error) {
      if (mine !== generation) return;
      set({
        loading: false,
        loaded: true,
        error: toErrorInfo(error, 'The job history could not be loaded.'),
      });
    }
  },

  async loadMore() {
    const { entries, repoFilter, loading, hasMore } = get();
    const oldest = entries[entries.length - 1];
    if (loading || !hasMore || !oldest) return;
    const mine = (generation += 1);
    set({ loading: true, error: undefined });
    try {
      const page = await getApi().invoke('history:list', {
        repoId: repoFilter,
        limit: HISTORY_PAGE_SIZE,
        before: oldest.finishedAt,
      });
      if (mine !== generation) return;
      set({ entries: mergeEntries(get().entries, page.entries), hasMore: page.hasMore, loading: false });
    } catch (error) {
      if (mine !== generation) return;
      set({ loading: false, error: toErrorInfo(error, 'Older jobs could not be loaded.') });
    }
  },

  addEntries(incoming) {
    const { entries, repoFilter, latest, latestByPlan, lastGood, loaded, loading } = get();
    const shown = incoming.filter((entry) => repoFilter === undefined || entry.repoId === repoFilter);
    if (loading) arrivedDuringLoad.push(...incoming);
    // Before the first load there is no list to add to; the load adds what arrives while it is out.
    set({
      entries: loaded ? mergeEntries(entries, shown) : entries,
      latest: keepNewer(latest, latestBackups(incoming)),
      latestByPlan: keepNewer(latestByPlan, latestPlanBackups(incoming)),
      lastGood: keepNewer(lastGood, latestGoodBackups(incoming)),
    });
  },

  async loadLatest(repoId) {
    try {
      const page = await getApi().invoke('history:list', { repoId, limit: LATEST_WINDOW });
      const found = latestBackups(page.entries).get(repoId);
      const known = get().latest[repoId];
      // A live entry may have arrived while the request was out; keep whichever is newer.
      const latest =
        known && (!found || known.finishedAt > found.finishedAt)
          ? get().latest
          : { ...get().latest, [repoId]: found ?? null };
      set({
        latest,
        latestByPlan: keepNewer(get().latestByPlan, latestPlanBackups(page.entries)),
        lastGood: keepNewer(get().lastGood, latestGoodBackups(page.entries)),
      });
    } catch {
      // The card falls back to the repository's own "last backup" time.
    }
  },

  async loadLog(id) {
    const patch = (state: HistoryLogState): void => set({ logs: { ...get().logs, [id]: state } });
    if (get().logs[id]?.loading) return;
    patch({ loading: true });
    try {
      patch({ lines: await getApi().invoke('history:log', { id }), loading: false });
    } catch (error) {
      patch({ loading: false, error: toErrorInfo(error, 'The log of this job could not be loaded.') });
    }
  },
}));
