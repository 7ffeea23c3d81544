/**
 * Periodic `borg check` per repository: each repository's check schedule, depth, next due time and
 * last run. Live changes (saved, started, finished) arrive as `checks:changed`.
 */
import { create } from 'zustand';
import type { CheckSchedule, CheckScheduleRow } from '../../src-main/model/check.js';
import { getApi } from '../api/select-client.js';
import { toErrorInfo, type ErrorInfo } from '../lib/error-info.js';

/** Checks state and its actions. */
export interface ChecksState {
  readonly rows: readonly CheckScheduleRow[];
  readonly loaded: boolean;
  readonly error?: ErrorInfo;

  /** Loads every repository's check schedule. */
  load(): Promise<void>;
  setRows(rows: readonly CheckScheduleRow[]): void;
  /** Saves one repository's schedule; rejects with the core's error. */
  save(check: CheckSchedule): Promise<CheckScheduleRow>;
}

/** The checks store. */
export const useChecksStore = create<ChecksState>()((set) => ({
  rows: [],
  loaded: false,

  async load() {
    try {
      const rows = await getApi().invoke('checks:list', {});
      set({ rows, loaded: true, error: undefined });
    } catch (error) {
      set({ loaded: true, error: toErrorInfo(error, 'The automatic checks could not be loaded.') });
    }
  },

  setRows(rows) {
    set({ rows, loaded: true });
  },

  async save(check) {
    const row = await getApi().invoke('checks:save', check);
    // The event follows; merging now lets the screen show the result without waiting for it.
    set((s) => ({ rows: [...s.rows.filter((r) => r.repoId !== row.repoId), row] }));
    return row;
  },
}));

/** The check row of one repository, if the core lists it. */
export function checkRowFor(rows: readonly CheckScheduleRow[], repoId: string): CheckScheduleRow | undefined {
  return rows.find((r) => r.repoId === repoId);
}
