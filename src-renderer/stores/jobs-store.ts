/**
 * Jobs: snapshots, log lines per job and transfer samples per job (bounded ring buffers). Events
 * reach this store only through bind-events, batched per animation frame.
 */
import { create } from 'zustand';
import type { BackupRequest, JobSnapshot } from '../../src-main/model/job.js';
import type { RequestParams } from '../../src-main/ipc/contract.js';
import { getApi } from '../api/select-client.js';
import {
  applyJobEvents,
  emptyJobsData,
  mergeSnapshot,
  type JobsData,
  type QueuedEvent,
} from './job-events.js';

/** Jobs state and its actions. */
export interface JobsState extends JobsData {
  /** Finished jobs whose result card the user closed. */
  readonly dismissed: Readonly<Record<string, true>>;

  applyEvents(batch: readonly QueuedEvent[]): void;
  /** Loads jobs that were already known to the core (after a reload, or a second window). */
  loadJobs(): Promise<void>;
  /** Fetches a job's log once, for jobs that began before this page subscribed. */
  ensureLog(jobId: string): Promise<void>;
  startBackup(request: BackupRequest): Promise<string>;
  /** Starts a restore job (`jobs:start-restore`); resolves with its id. */
  startRestore(request: RequestParams<'jobs:start-restore'>): Promise<string>;
  /** Starts a "Save a copy as…" job (`jobs:save-copy`); resolves with its id. */
  saveCopy(request: RequestParams<'jobs:save-copy'>): Promise<string>;
  cancelJob(jobId: string): Promise<void>;
  dismissJob(jobId: string): void;
}

const logRequested = new Set<string>();

/** The jobs store. */
export const useJobsStore = create<JobsState>()((set, get) => ({
  ...emptyJobsData(),
  dismissed: {},

  applyEvents(batch) {
    set(applyJobEvents(get(), batch));
  },

  async loadJobs() {
    const list = await getApi().invoke('jobs:list', {});
    const state = get();
    const jobs: Record<string, JobSnapshot> = { ...state.jobs };
    const known = new Set(state.order);
    const added = list.filter((job) => !known.has(job.id)).map((job) => job.id);
    for (const job of list) jobs[job.id] = mergeSnapshot(jobs[job.id], job);
    set({ jobs, order: [...added, ...state.order] });
  },

  async ensureLog(jobId) {
    if (logRequested.has(jobId)) return;
    logRequested.add(jobId);
    try {
      const entries = await getApi().invoke('jobs:log', { jobId });
      const current = get().logs[jobId] ?? [];
      // Events may have delivered some lines meanwhile; the longer list is the more complete one.
      if (entries.length > current.length) set({ logs: { ...get().logs, [jobId]: entries } });
    } catch {
      // A job the core already forgot has no log to show; the panel says so.
      logRequested.delete(jobId);
    }
  },

  async startBackup(request) {
    const { jobId } = await getApi().invoke('jobs:start-backup', request);
    // This page receives every event of the job from now on, so its log needs no fetch.
    logRequested.add(jobId);
    return jobId;
  },

  async startRestore(request) {
    const { jobId } = await getApi().invoke('jobs:start-restore', request);
    logRequested.add(jobId);
    return jobId;
  },
  async saveCopy(request) {
    const { jobId } = await getApi().invoke('jobs:save-copy', request);
    logRequested.add(jobId);
    return jobId;
  },
  async cancelJob(jobId) {
    await getApi().invoke('jobs:cancel', { jobId });
  },

  dismissJob(jobId) {
    set({ dismissed: { ...get().dismissed, [jobId]: true } });
  },
}));
