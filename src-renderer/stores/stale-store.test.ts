import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BorgdeskApi, EventName } from '../../src-main/ipc/contract.js';
import type { StaleItemRow } from '../../src-main/model/app.js';
import { bindEvents } from './bind-events.js';
import { useStaleStore } from './stale-store.js';
import { historyEntryFixture } from '../../src-main/core/test-support/history-entry-fixture.js';

// The Electron bridge stand-in: app:stale answers when the test says so, and counts the calls.
const pending: ((rows: StaleItemRow[]) => void)[] = [];
let calls = 0;
const bridge: BorgdeskApi = {
  invoke: ((name: string) => {
    if (name !== 'app:stale') return Promise.reject(new Error(`unexpected ${name}`));
    calls += 1;
    return new Promise<StaleItemRow[]>((resolve) => pending.push(resolve));
  }) as BorgdeskApi['invoke'],
  on: () => () => {},
};

const row = (id: string): StaleItemRow => ({ id, label: id, repoName: 'USB', staleForMs: 4 * 86_400_000 });

beforeAll(() => {
  Reflect.set(globalThis, 'window', { borgdesk: bridge });
});

describe('useStaleStore.load', () => {
  it('folds calls made during a read into exactly one more read, and keeps the newest list', async () => {
    const first = useStaleStore.getState().load();
    void useStaleStore.getState().load();
    void useStaleStore.getState().load();
    expect(calls).toBe(1);
    pending.shift()?.([row('old')]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The burst of two became one follow-up read.
    expect(calls).toBe(2);
    pending.shift()?.([row('new')]);
    await first;
    expect(useStaleStore.getState().items.map((item) => item.id)).toEqual(['new']);
    expect(useStaleStore.getState().loaded).toBe(true);

    // Idle again: the next call starts a fresh read at once.
    const next = useStaleStore.getState().load();
    expect(calls).toBe(3);
    pending.shift()?.([]);
    await next;
    expect(useStaleStore.getState().items).toEqual([]);
  });
});

describe('bindEvents refreshes the stale list', () => {
  const listeners = new Map<string, (payload: unknown) => void>();
  const events: BorgdeskApi = {
    invoke: () => Promise.reject(new Error('not used')),
    on: ((event: EventName, listener: (payload: unknown) => void) => {
      listeners.set(event, listener);
      return () => listeners.delete(event);
    }) as BorgdeskApi['on'],
  };
  const frames: FrameRequestCallback[] = [];

  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'requestAnimationFrame');
  });

  it('once per batch of backups, plan edits and schedule changes, and only once the list was read', async () => {
    globalThis.requestAnimationFrame = (callback: FrameRequestCallback): number => frames.push(callback);
    const unbind = bindEvents(events);
    const entry = historyEntryFixture({
      id: 'h1',
      repoName: 'USB',
      title: 'Documents: back up to USB',
      trigger: 'schedule',
      startedAt: '2026-03-01T10:00:00.000Z',
      finishedAt: '2026-03-01T10:01:00.000Z',
      durationMs: 60_000,
    });
    const before = calls;

    useStaleStore.setState({ loaded: false });
    listeners.get('history:added')?.(entry);
    frames.shift()?.(0);
    expect(calls).toBe(before);

    useStaleStore.setState({ loaded: true });
    listeners.get('history:added')?.(entry);
    listeners.get('schedules:changed')?.({ paused: false, upcoming: [] });
    listeners.get('plans:changed')?.([]);
    frames.shift()?.(0);
    expect(calls).toBe(before + 1);
    pending.shift()?.([row('after-backup')]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useStaleStore.getState().items.map((item) => item.id)).toEqual(['after-backup']);
    unbind();
  });
});
