/**
 * Backup plans and their schedules: the stored plans, the next run of each plan target, and whether
 * all schedules are paused. Live changes arrive as `plans:changed` and `schedules:changed`.
 */
import { create } from 'zustand';
import type { RequestParams, RequestResult } from '../../src-main/ipc/contract.js';
import type { UpcomingRunRow } from '../../src-main/model/schedule.js';
import { getApi } from '../api/select-client.js';
import { toErrorInfo, type ErrorInfo } from '../lib/error-info.js';

/** A stored plan as the core returns it. */
export type StoredPlan = RequestResult<'plans:list'>[number];
/** A plan draft as `plans:save` accepts it. */
export type PlanDraftInput = RequestParams<'plans:save'>['draft'];

/** Plans state and its actions. */
export interface PlansState {
  readonly plans: readonly StoredPlan[];
  readonly upcoming: readonly UpcomingRunRow[];
  readonly paused: boolean;
  readonly loaded: boolean;
  readonly error?: ErrorInfo;

  /** Loads plans, next runs and the paused state. */
  load(): Promise<void>;
  setPlans(plans: readonly StoredPlan[]): void;
  setSchedules(state: { readonly paused: boolean; readonly upcoming: readonly UpcomingRunRow[] }): void;
  /** Creates (no id) or updates a plan; rejects with the core's error. */
  save(id: string | undefined, draft: PlanDraftInput): Promise<StoredPlan>;
  remove(planId: string): Promise<void>;
  runNow(planId: string, repoId?: string): Promise<readonly string[]>;
  setPaused(paused: boolean): Promise<void>;
}

/** The plans store. */
export const usePlansStore = create<PlansState>()((set) => ({
  plans: [],
  upcoming: [],
  paused: false,
  loaded: false,

  async load() {
    try {
      const api = getApi();
      const [plans, upcoming, state] = await Promise.all([
        api.invoke('plans:list', {}),
        api.invoke('schedules:upcoming', {}),
        api.invoke('schedules:state', {}),
      ]);
      set({ plans, upcoming, paused: state.paused, loaded: true, error: undefined });
    } catch (error) {
      set({ loaded: true, error: toErrorInfo(error, 'The backup plans could not be loaded.') });
    }
  },

  setPlans(plans) {
    set({ plans, loaded: true });
  },

  setSchedules({ paused, upcoming }) {
    set({ paused, upcoming });
  },

  async save(id, draft) {
    const plan = await getApi().invoke('plans:save', { id, draft });
    // The event follows; merging now lets the screen show the result without waiting for it.
    set((s) => ({ plans: [...s.plans.filter((p) => p.id !== plan.id), plan] }));
    void getApi()
      .invoke('schedules:upcoming', {})
      .then((upcoming) => set({ upcoming }))
      .catch(() => undefined);
    return plan;
  },

  async remove(planId) {
    await getApi().invoke('plans:delete', { planId });
    set((s) => ({ plans: s.plans.filter((p) => p.id !== planId) }));
  },

  async runNow(planId, repoId) {
    const { jobIds } = await getApi().invoke('plans:run-now', { planId, repoId });
    return jobIds;
  },

  async setPaused(paused) {
    const state = await getApi().invoke(paused ? 'schedules:pause' : 'schedules:resume', {});
    set({ paused: state.paused });
  },
}));

/** The next-run row of one plan target, if the scheduler lists it. */
export function upcomingFor(
  upcoming: readonly UpcomingRunRow[],
  planId: string,
  repoId: string,
): UpcomingRunRow | undefined {
  return upcoming.find((u) => u.planId === planId && u.repoId === repoId);
}
