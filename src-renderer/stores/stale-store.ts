/**
 * Plan targets overdue for a successful backup (`app:stale`), for the Overview's "Needs attention"
 * card. Staleness grows with time and changes with every backup, skipped run or edited plan, so the
 * list is re-read on those events (bind-events) and every few minutes while the card shows.
 */
import { create } from 'zustand';
import type { StaleItemRow } from '../../src-main/model/app.js';
import { getApi } from '../api/select-client.js';
import { toErrorInfo, type ErrorInfo } from '../lib/error-info.js';

/** Stale plan targets and how to refresh them. */
export interface StaleState {
  readonly items: readonly StaleItemRow[];
  /** True once a list has been read; refreshes on events happen only after that. */
  readonly loaded: boolean;
  readonly error?: ErrorInfo;
  /** Reads the list again; calls made while one is in flight are folded into one more read. */
  load(): Promise<void>;
}

// One read at a time; a burst of events while it runs costs exactly one more read, never a queue.
let inFlight: Promise<void> | undefined;
let again = false;

/** The stale store. */
export const useStaleStore = create<StaleState>()((set) => {
  const readOnce = async (): Promise<void> => {
    try {
      const items = await getApi().invoke('app:stale', {});
      set({ items, loaded: true, error: undefined });
    } catch (error) {
      set({ loaded: true, error: toErrorInfo(error, 'Borgdesk could not check for overdue backups.') });
    }
  };
  const run = async (): Promise<void> => {
    do {
      again = false;
      await readOnce();
    } while (again);
    inFlight = undefined;
  };
  return {
    items: [],
    loaded: false,
    load() {
      if (inFlight !== undefined) {
        again = true;
        return inFlight;
      }
      inFlight = run();
      return inFlight;
    },
  };
});
