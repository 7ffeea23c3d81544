/**
 * The last monitoring delivery (ping, webhook, ntfy) of each plan, as the core keeps it since it
 * started. Changes arrive as `monitoring:changed` after every delivery.
 */
import { create } from 'zustand';
import type { PlanMonitoringStatus } from '../../src-main/model/monitoring.js';
import { getApi } from '../api/select-client.js';

/** Monitoring state and its actions. */
export interface MonitoringState {
  readonly statuses: readonly PlanMonitoringStatus[];
  readonly loaded: boolean;
  /** Loads the last deliveries; a failure leaves the cards without a monitoring line. */
  load(): Promise<void>;
  setStatuses(statuses: readonly PlanMonitoringStatus[]): void;
}

/** The monitoring store. */
export const useMonitoringStore = create<MonitoringState>()((set) => ({
  statuses: [],
  loaded: false,

  async load() {
    try {
      set({ statuses: await getApi().invoke('monitoring:status', {}), loaded: true });
    } catch {
      // Only a status line depends on it; the next delivery's event fills it in.
      set({ loaded: true });
    }
  },

  setStatuses(statuses) {
    set({ statuses, loaded: true });
  },
}));
