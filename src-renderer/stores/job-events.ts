/**
 * The pure part of event handling: folds one frame's worth of job events into the jobs state.
 * Kept free of React and the API so it can be tested directly.
 */
import type { EventName, EventPayload } from '../../src-main/ipc/contract.js';
import type { JobSnapshot, JobStatus, LogEntry } from '../../src-main/model/job.js';
import { RingBuffer } from '../lib/ring-buffer.js';

/** One event as queued by bind-events, typed by name. */
export type QueuedEvent = {
  [N in EventName]: { readonly event: N; readonly payload: EventPayload<N> };
}[EventName];

/** One point of the transfer graph. */
export interface TransferSample {
  readonly elapsedSeconds: number;
  readonly originalBytesPerSecond: number;
  readonly deduplicatedBytesPerSecond: number;
}

/** The data part of the jobs store. */
export interface JobsData {
  readonly jobs: Readonly<Record<string, JobSnapshot>>;
  /** Job ids, oldest first. */
  readonly order: readonly string[];
  readonly logs: Readonly<Record<string, readonly LogEntry[]>>;
  /** Mutable ring buffers (no copy per sample); `sampleVersions` changes when one does. */
  readonly samples: Readonly<Record<string, RingBuffer<TransferSample>>>;
  readonly sampleVersions: Readonly<Record<string, number>>;
}

/** Transfer graph points kept per job: ten minutes at one sample a second. */
export const SAMPLE_CAPACITY = 600;
/** Log lines kept per job; older lines drop off the top. */
export const LOG_CAPACITY = 5000;
/** Jobs remembered in the UI; older finished jobs are forgotten. */
export const JOB_CAPACITY = 50;

const finalStatuses: ReadonlySet<JobStatus> = new Set(['succeeded', 'warning', 'failed', 'cancelled']);

/** True when a job can no longer change. */
export function isFinal(status: JobStatus): boolean {
  return finalStatuses.has(status);
}

/** An empty jobs state. */
export function emptyJobsData(): JobsData {
  return { jobs: {}, order: [], logs: {}, samples: {}, sampleVersions: {} };
}

/** Merges a snapshot, never letting a stale "running" overwrite a final status. */
export function mergeSnapshot(current: JobSnapshot | undefined, next: JobSnapshot): JobSnapshot {
  if (current && isFinal(current.status) && !isFinal(next.status)) return current;
  return next;
}

/** Applies a batch of events in arrival order and returns the new state (inputs are not mutated, rings aside). */
export function applyJobEvents(data: JobsData, batch: readonly QueuedEvent[]): JobsData {
  const jobs = { ...data.jobs };
  let order = data.order;
  const logs: Record<string, readonly LogEntry[]> = { ...data.logs };
  const samples = { ...data.samples };
  const sampleVersions = { ...data.sampleVersions };
  const appended = new Map<string, LogEntry[]>();

  const remember = (snapshot: JobSnapshot): void => {
    if (!(snapshot.id in jobs)) order = [...order, snapshot.id];
    jobs[snapshot.id] = mergeSnapshot(jobs[snapshot.id], snapshot);
  };

  for (const item of batch) {
    switch (item.event) {
      case 'job:updated':
      case 'job:finished':
        remember(item.payload);
        break;
      case 'job:progress': {
        const { jobId, progress } = item.payload;
        const job = jobs[jobId];
        if (job && !isFinal(job.status)) jobs[jobId] = { ...job, progress };
        if (progress.kind === 'backup') {
          const ring = (samples[jobId] ??= new RingBuffer<TransferSample>(SAMPLE_CAPACITY));
          const elapsedSeconds = progress.sample.elapsedMs / 1000;
          // The last update before finishing may repeat the previous point; the graph needs it once.
          if (ring.last()?.elapsedSeconds !== elapsedSeconds) {
            ring.push({
              elapsedSeconds,
              originalBytesPerSecond: progress.sample.originalBytesPerSecond,
              deduplicatedBytesPerSecond: progress.sample.deduplicatedBytesPerSecond,
            });
            sampleVersions[jobId] = ring.version;
          }
        }
        break;
      }
      case 'job:log': {
        const list = appended.get(item.payload.jobId) ?? [];
        list.push(...item.payload.entries);
        appended.set(item.payload.jobId, list);
        break;
      }
      case 'repos:changed':
      case 'archive-index:updated':
      case 'mount:changed':
        break;
    }
  }

  for (const [jobId, entries] of appended) {
    const merged = [...(logs[jobId] ?? []), ...entries];
    logs[jobId] = merged.length > LOG_CAPACITY ? merged.slice(merged.length - LOG_CAPACITY) : merged;
  }

  return prune({ jobs, order, logs, samples, sampleVersions });
}

// Forgets the oldest finished jobs beyond JOB_CAPACITY so a long session stays small.
function prune(data: JobsData): JobsData {
  if (data.order.length <= JOB_CAPACITY) return data;
  const excess = data.order.length - JOB_CAPACITY;
  const drop = new Set(
    data.order
      .filter((id) => {
        const job = data.jobs[id];
        return job === undefined || isFinal(job.status);
      })
      .slice(0, excess),
  );
  if (drop.size === 0) return data;
  const keep = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([id]) => !drop.has(id)));
  return {
    jobs: keep(data.jobs),
    order: data.order.filter((id) => !drop.has(id)),
    logs: keep(data.logs),
    samples: keep(data.samples),
    sampleVersions: keep(data.sampleVersions),
  };
}

/** The newest job of a repository among the given kinds. */
export function latestJobFor(
  data: Pick<JobsData, 'jobs' | 'order'>,
  repoId: string,
  kinds: readonly JobSnapshot['kind'][] = ['backup'],
): JobSnapshot | undefined {
  for (let i = data.order.length - 1; i >= 0; i -= 1) {
    const job = data.jobs[data.order[i] ?? ''];
    if (job && job.repoId === repoId && kinds.includes(job.kind)) return job;
  }
  return undefined;
}
