/**
 * The single subscriber to the core's pushed events. Events are queued and applied to the stores
 * once per animation frame, so a flood of progress or log lines costs one render per frame.
 */
import type { ArchiveIndexState } from '../../src-main/model/archive.js';
import type { BorgdeskApi, EventName, EventPayload } from '../../src-main/ipc/contract.js';
import type { HistoryEntry } from '../../src-main/model/history.js';
import type { MountStatus } from '../../src-main/model/restore.js';
import type { RepositorySummary } from '../../src-main/model/repository.js';
import { EVENT_NAMES } from '../../src-main/ipc/names.js';
import { useAppStore } from './app-store.js';
import { useArchiveIndexStore } from './archive-index-store.js';
import { useChecksStore } from './checks-store.js';
import { syncHostClock } from '../lib/host-clock.js';
import { useDrillsStore } from './drills-store.js';
import { useHistoryStore } from './history-store.js';
import type { QueuedEvent } from './job-events.js';
import { isFinal } from './job-events.js';
import { useJobsStore } from './jobs-store.js';
import { useMonitoringStore } from './monitoring-store.js';
import { useMountStore } from './mount-store.js';
import { usePlansStore, type StoredPlan } from './plans-store.js';
import { useQuestionsStore } from './questions-store.js';
import { useReposStore } from './repos-store.js';
import { useStaleStore } from './stale-store.js';

// Jobs that add or remove archives: the repository's table and chart are reloaded when they end.
const ARCHIVE_CHANGING_KINDS: ReadonlySet<string> = new Set(['backup', 'delete', 'prune', 'compact']);

// A hidden tab gets no animation frames; a timer keeps the queue from growing without bound.
const HIDDEN_FLUSH_MS = 250;

/** Subscribes to every event; returns a function that unsubscribes and drops anything queued. */
export function bindEvents(api: BorgdeskApi): () => void {
  let queue: QueuedEvent[] = [];
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    frame = undefined;
    timer = undefined;
    const batch = queue;
    queue = [];
    if (batch.length > 0) applyBatch(batch);
  };

  const schedule = (): void => {
    if (frame !== undefined || timer !== undefined) return;
    if (typeof document !== 'undefined' && document.hidden) timer = setTimeout(flush, HIDDEN_FLUSH_MS);
    else frame = requestAnimationFrame(flush);
  };

  const subscribe = <N extends EventName>(event: N): (() => void) =>
    api.on(event, (payload: EventPayload<N>) => {
      queue.push({ event, payload } as QueuedEvent);
      schedule();
    });

  // Every event the core pushes: each store takes what it needs in applyBatch.
  const unsubscribers = EVENT_NAMES.map((name) => subscribe(name));
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    queue = [];
  };
}

function applyBatch(batch: readonly QueuedEvent[]): void {
  let repos: readonly RepositorySummary[] | undefined;
  let mounts: MountStatus | undefined;
  const indexStates: ArchiveIndexState[] = [];
  const history: HistoryEntry[] = [];
  const refresh = new Set<string>();
  let plans: readonly StoredPlan[] | undefined;
  let schedules: EventPayload<'schedules:changed'> | undefined;
  let checks: EventPayload<'checks:changed'> | undefined;
  let questions: EventPayload<'questions:changed'> | undefined;
  let monitoring: EventPayload<'monitoring:changed'> | undefined;
  for (const item of batch) {
    if (item.event === 'repos:changed') repos = item.payload;
    if (item.event === 'mount:changed') mounts = item.payload;
    if (item.event === 'archive-index:updated') indexStates.push(item.payload);
    if (item.event === 'history:added') history.push(item.payload);
    if (item.event === 'plans:changed') plans = item.payload;
    if (item.event === 'schedules:changed') schedules = item.payload;
    if (item.event === 'checks:changed') checks = item.payload;
    if (item.event === 'questions:changed') questions = item.payload;
    if (item.event === 'monitoring:changed') monitoring = item.payload;
    if (item.event === 'app:clock') syncHostClock(item.payload.now);
    if (item.event === 'app:open-settings') useAppStore.getState().openDialog({ kind: 'settings' });
    // A finished backup adds an archive (a deletion or prune removes some): reload that repository.
    if (
      item.event === 'job:finished' &&
      ARCHIVE_CHANGING_KINDS.has(item.payload.kind) &&
      isFinal(item.payload.status)
    ) {
      refresh.add(item.payload.repoId);
    }
  }
  useJobsStore.getState().applyEvents(batch);
  const reposStore = useReposStore.getState();
  if (repos) reposStore.setRepos(repos);
  for (const repoId of refresh) void reposStore.loadDetails(repoId);
  if (indexStates.length > 0) useArchiveIndexStore.getState().applyStates(indexStates);
  if (mounts) useMountStore.getState().setStatus(mounts);
  if (history.length > 0) useHistoryStore.getState().addEntries(history);
  if (history.length > 0) useDrillsStore.getState().addEntries(history);
  if (plans) usePlansStore.getState().setPlans(plans);
  if (schedules) usePlansStore.getState().setSchedules(schedules);
  if (checks) useChecksStore.getState().setRows(checks);
  if (questions) useQuestionsStore.getState().setQuestions(questions);
  if (monitoring) useMonitoringStore.getState().setStatuses(monitoring);
  // A backup, an edited plan or a skipped run can start or end an overdue spell: re-read, once per batch.
  if ((history.length > 0 || plans || schedules) && useStaleStore.getState().loaded)
    void useStaleStore.getState().load();
}
