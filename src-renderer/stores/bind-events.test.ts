import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BorgdeskApi, EventName, EventPayload } from '../../src-main/ipc/contract.js';
import type { JobSnapshot } from '../../src-main/model/job.js';
import { EVENT_NAMES } from '../../src-main/ipc/names.js';
import { useAppStore } from './app-store.js';
import { useArchiveIndexStore } from './archive-index-store.js';
import { useChecksStore } from './checks-store.js';
import { useHistoryStore } from './history-store.js';
import { bindEvents } from './bind-events.js';
import { emptyJobsData } from './job-events.js';
import { useJobsStore } from './jobs-store.js';
import { useMountStore } from './mount-store.js';
import { useQuestionsStore } from './questions-store.js';
import { usePlansStore, type StoredPlan } from './plans-store.js';
import { useReposStore } from './repos-store.js';

type Listener = (payload: unknown) => void;

// A stand-in for the transport: records subscriptions and lets the test push events.
function fakeApi() {
  const listeners = new Map<string, Set<Listener>>();
  const api: BorgdeskApi = {
    invoke: () => Promise.reject(new Error('not used')),
    on: <N extends EventName>(event: N, listener: (payload: EventPayload<N>) => void) => {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      return () => set.delete(listener as Listener);
    },
  };
  const emit = <N extends EventName>(event: N, payload: EventPayload<N>): void => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const count = (): number => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);
  return { api, emit, count };
}

const job: JobSnapshot = { id: 'j1', kind: 'backup', repoId: 'r1', title: 'Backup', status: 'running' };

describe('bindEvents', () => {
  let frames: FrameRequestCallback[] = [];

  beforeEach(() => {
    frames = [];
    globalThis.requestAnimationFrame = (callback: FrameRequestCallback): number => frames.push(callback);
    globalThis.cancelAnimationFrame = (): void => {};
    useJobsStore.setState({ ...emptyJobsData(), dismissed: {} });
    useReposStore.setState({ repos: [], loaded: false, details: {} });
  });

  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'requestAnimationFrame');
    Reflect.deleteProperty(globalThis, 'cancelAnimationFrame');
  });

  it('applies a flood of events in one store update per animation frame', () => {
    const { api, emit } = fakeApi();
    const unbind = bindEvents(api);
    let updates = 0;
    const unsubscribe = useJobsStore.subscribe(() => (updates += 1));

    emit('job:updated', job);
    for (let i = 1; i <= 500; i += 1) {
      emit('job:log', {
        jobId: 'j1',
        entries: [{ time: '2024-01-01T00:00:00Z', level: 'info', message: `line ${i}` }],
      });
    }
    expect(updates).toBe(0);
    expect(frames).toHaveLength(1);

    frames.shift()?.(0);
    expect(updates).toBe(1);
    expect(useJobsStore.getState().logs.j1).toHaveLength(500);
    expect(useJobsStore.getState().jobs.j1?.status).toBe('running');

    unsubscribe();
    unbind();
  });

  it('keeps the newest repository list of a batch', () => {
    const { api, emit } = fakeApi();
    const unbind = bindEvents(api);
    const repo = { id: 'r1', name: 'One', location: '/tmp/one', needsPassphrase: false, unlocked: true };
    emit('repos:changed', [repo]);
    emit('repos:changed', [repo, { ...repo, id: 'r2', name: 'Two' }]);
    frames.shift()?.(0);
    expect(useReposStore.getState().repos.map((r) => r.name)).toEqual(['One', 'Two']);
    unbind();
  });

  it('keeps the furthest index state of each archive and the newest mounts', () => {
    const { api, emit } = fakeApi();
    const unbind = bindEvents(api);
    useArchiveIndexStore.setState({ states: {} });
    const state = { repoId: 'r1', archiveName: 'a1', fromCache: false };
    emit('archive-index:updated', { ...state, status: 'loading', entryCount: 500 });
    emit('archive-index:updated', { ...state, status: 'ready', entryCount: 900 });
    // A late progress event overtaken by "ready" must not bring the spinner back.
    emit('archive-index:updated', { ...state, status: 'loading', entryCount: 700 });
    emit('mount:changed', { available: true, mounts: [{ repoId: 'r1', mountPoint: '/tmp/m1' }] });
    emit('mount:changed', { available: true, mounts: [] });
    frames.shift()?.(0);
    const [only] = Object.values(useArchiveIndexStore.getState().states);
    expect(only?.status).toBe('ready');
    expect(only?.entryCount).toBe(900);
    expect(useMountStore.getState().status?.mounts).toEqual([]);
    unbind();
  });

  it('adds a batch of history entries in one update, newest first, and tracks the latest backup', () => {
    const { api, emit } = fakeApi();
    const unbind = bindEvents(api);
    useHistoryStore.setState({ entries: [], loaded: true, repoFilter: undefined, latest: {} });
    const base = {
      kind: 'backup' as const,
      repoId: 'r1',
      repoName: 'One',
      title: 'Backup',
      trigger: 'manual' as const,
      status: 'succeeded' as const,
      durationMs: 1000,
      logLineCount: 3,
    };
    let updates = 0;
    const unsubscribe = useHistoryStore.subscribe(() => (updates += 1));
    emit('history:added', {
      ...base,
      id: 'a',
      startedAt: '2024-01-01T10:00:00Z',
      finishedAt: '2024-01-01T10:00:01Z',
    });
    emit('history:added', {
      ...base,
      id: 'b',
      startedAt: '2024-01-01T11:00:00Z',
      finishedAt: '2024-01-01T11:00:01Z',
    });
    frames.shift()?.(0);
    expect(updates).toBe(1);
    expect(useHistoryStore.getState().entries.map((e) => e.id)).toEqual(['b', 'a']);
    expect(useHistoryStore.getState().latest.r1?.id).toBe('b');
    unsubscribe();
    unbind();
  });

  it('keeps the newest plan list and schedule state of a batch', () => {
    const { api, emit } = fakeApi();
    const unbind = bindEvents(api);
    usePlansStore.setState({ plans: [], upcoming: [], paused: false, loaded: false });
    const plan = {
      id: 'p1',
      archivePrefix: 'home',
      name: 'Home',
      targets: [{ repoId: 'r1', schedule: { kind: 'daily', at: '02:00' } }],
      sourcePaths: ['/home/me'],
      excludes: [],
      patterns: [],
      presets: [],
      excludeCaches: true,
      excludeIfPresent: ['.nobackup'],
      oneFileSystem: false,
      compression: 'lz4',
      archiveNameTemplate: '{hostname}-{now}',
    } satisfies StoredPlan;
    emit('plans:changed', []);
    emit('plans:changed', [plan]);
    emit('schedules:changed', { paused: false, upcoming: [] });
    emit('schedules:changed', {
      paused: true,
      upcoming: [{ planId: 'p1', repoId: 'r1', dueAt: '2024-01-02T02:00:00.000Z' }],
    });
    expect(usePlansStore.getState().plans).toEqual([]);
    frames.shift()?.(0);
    const state = usePlansStore.getState();
    expect(state.plans.map((p) => p.name)).toEqual(['Home']);
    expect(state.loaded).toBe(true);
    expect(state.paused).toBe(true);
    expect(state.upcoming[0]?.dueAt).toBe('2024-01-02T02:00:00.000Z');
    unbind();
  });

  it('applies the latest check schedules of a frame to the checks store', () => {
    const { api, emit } = fakeApi();
    const unbind = bindEvents(api);
    useChecksStore.setState({ rows: [], loaded: false });
    const off = { repoId: 'r1', schedule: { kind: 'off' as const }, mode: 'repository' as const };
    emit('checks:changed', [off]);
    emit('checks:changed', [{ ...off, schedule: { kind: 'daily', at: '03:00' }, waitingFor: 'running' }]);
    expect(useChecksStore.getState().rows).toEqual([]);
    frames.shift()?.(0);
    expect(useChecksStore.getState().rows.map((r) => r.waitingFor)).toEqual(['running']);
    expect(useChecksStore.getState().loaded).toBe(true);
    unbind();
  });

  it('keeps the newest list of borg’s pending questions', () => {
    const { api, emit } = fakeApi();
    const unbind = bindEvents(api);
    useQuestionsStore.setState({ questions: [] });
    const question = {
      id: 'q1',
      kind: 'question' as const,
      repoId: 'r1',
      repoName: 'Disk',
      prompt: 'BORG_RELOCATED_REPO_ACCESS_IS_OK',
      borgText: 'Warning: …',
      meaning: 'm',
      yesDoes: 'y',
      noDoes: 'n',
      stopped: { kind: 'read' as const },
      since: '2026-12-01T03:00:00.000Z',
    };
    emit('questions:changed', [question]);
    emit('questions:changed', []);
    emit('questions:changed', [{ ...question, id: 'q2' }]);
    frames.shift()?.(0);
    expect(useQuestionsStore.getState().questions.map((q) => q.id)).toEqual(['q2']);
    unbind();
  });

  it('opens Settings when the desktop menu asks for it', () => {
    const { api, emit } = fakeApi();
    const unbind = bindEvents(api);
    useAppStore.setState({ dialog: undefined });
    emit('app:open-settings', {});
    expect(useAppStore.getState().dialog).toBeUndefined();
    for (const frame of frames.splice(0)) frame(0);
    expect(useAppStore.getState().dialog).toEqual({ kind: 'settings' });
    unbind();
  });

  it('unsubscribes from every event and drops what was queued', () => {
    const { api, emit, count } = fakeApi();
    const unbind = bindEvents(api);
    // One subscription per event the core pushes.
    expect(count()).toBe(EVENT_NAMES.length);
    emit('job:updated', job);
    unbind();
    expect(count()).toBe(0);
    frames.shift()?.(0);
    expect(useJobsStore.getState().jobs.j1).toBeUndefined();
  });
});
