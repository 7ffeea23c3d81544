/**
 * The contents index of each opened archive: loading, ready or failed, and how many items are known
 * so far. `archives:open` starts or reuses an index; `archive-index:updated` events keep it current.
 */
import { create } from 'zustand';
import type { ArchiveIndexState, ArchiveRef } from '../../src-main/model/archive.js';
import { getApi } from '../api/select-client.js';

/** The key of one archive in the store: repository id and archive id where known (borg 2's series share names), else name. */
export function indexKey(ref: ArchiveRef): string {
  // NUL cannot occur in a repository id or an archive name, so keys never collide.
  return ref.archiveId === undefined
    ? `${ref.repoId}\u0000${ref.archiveName}`
    : `${ref.repoId}\u0000id\u0000${ref.archiveId}`;
}

/** Archive index state and its actions. */
export interface ArchiveIndexStoreState {
  readonly states: Readonly<Record<string, ArchiveIndexState>>;
  /** Starts (or reuses) the index of an archive and records its state. */
  open(ref: ArchiveRef): Promise<ArchiveIndexState>;
  /** Applies states pushed by the core, in arrival order. */
  applyStates(states: readonly ArchiveIndexState[]): void;
}

// Replies and events race: a late "loading" must not undo a "ready" that overtook it, nor a smaller
// count a larger one. After a failure a new "loading" is a retry and wins.
function newer(current: ArchiveIndexState | undefined, next: ArchiveIndexState): boolean {
  if (!current || next.status !== 'loading') return true;
  if (current.status === 'ready') return false;
  return current.status === 'failed' || next.entryCount >= current.entryCount;
}

/** The archive index store. */
export const useArchiveIndexStore = create<ArchiveIndexStoreState>()((set, get) => ({
  states: {},
  async open(ref) {
    const state = await getApi().invoke('archives:open', ref);
    get().applyStates([state]);
    return get().states[indexKey(ref)] ?? state;
  },
  applyStates(list) {
    const states = { ...get().states };
    let changed = false;
    for (const state of list) {
      const key = indexKey(state);
      if (!newer(states[key], state)) continue;
      states[key] = state;
      changed = true;
    }
    if (changed) set({ states });
  },
}));
