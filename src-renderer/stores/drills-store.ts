/**
 * The last restore drill of each plan target (`drills:latest`), for the Overview and Needs
 * attention; new drills arrive through `history:added` (applied by bind-events).
 */
import { create } from 'zustand';
import type { HistoryEntry } from '../../src-main/model/history.js';
import { getApi } from '../api/select-client.js';
import { toErrorInfo, type ErrorInfo } from '../lib/error-info.js';

/** The key of a drill's target: its plan (empty for a repository's newest archive) and repository. */
export function drillTargetKey(planId: string | undefined, repoId: string): string {
  return `${planId ?? ''}|${repoId}`;
}

/** The drills store's state and actions. */
export interface DrillsState {
  /** Latest drill per target key. */
  readonly latest: Readonly<Record<string, HistoryEntry>>;
  readonly loaded: boolean;
  readonly error?: ErrorInfo;
  /** Reads every target's last drill. */
  load(): Promise<void>;
  /** Applies finished jobs from `history:added`; only drills that ran to an end count. */
  addEntries(entries: readonly HistoryEntry[]): void;
}

function merged(
  known: Readonly<Record<string, HistoryEntry>>,
  entries: readonly HistoryEntry[],
): Readonly<Record<string, HistoryEntry>> {
  let next: Record<string, HistoryEntry> | undefined;
  for (const entry of entries) {
    if (entry.kind !== 'drill' || entry.status === 'cancelled' || entry.status === 'interrupted') continue;
    const key = drillTargetKey(entry.planId, entry.repoId);
    const current = (next ?? known)[key];
    if (current !== undefined && current.finishedAt > entry.finishedAt) continue;
    next ??= { ...known };
    next[key] = entry;
  }
  return next ?? known;
}

/** The drills store. */
export const useDrillsStore = create<DrillsState>()((set, get) => ({
  latest: {},
  loaded: false,
  async load() {
    try {
      const entries = await getApi().invoke('drills:latest', {});
      set({ latest: merged(get().latest, entries), loaded: true, error: undefined });
    } catch (error) {
      // The Overview still shows everything else; the next drill's event fills this in.
      set({ loaded: true, error: toErrorInfo(error, 'The last restore tests could not be read.') });
    }
  },
  addEntries(entries) {
    const latest = merged(get().latest, entries);
    if (latest !== get().latest) set({ latest });
  },
}));
