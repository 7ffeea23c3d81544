import { describe, expect, it } from 'vitest';
import { ManualTime } from '../schedule/manual-time.js';
import { flush } from '../schedule/test-harness.js';
import type { MeteredReader } from './networkmanager-metered.js';
import { createNodeEnvironmentSource } from './node-environment.js';

/**
 * A metered state the test sets and announces by hand; it counts closes. (The reader itself is
 * tested against a real D-Bus daemon in networkmanager-metered.integration.test.ts.)
 */
function handSetMetered(initial: boolean | undefined) {
  let metered = initial;
  let closes = 0;
  const listeners = new Set<() => void>();
  const reader: MeteredReader = {
    read: async () => metered,
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close: () => {
      closes++;
    },
  };
  return {
    reader,
    announce(value: boolean | undefined) {
      metered = value;
      for (const listener of [...listeners]) listener();
    },
    closes: () => closes,
    listeners: () => listeners.size,
  };
}

/** A source over a battery and metered state the test sets, on hand-driven timers. */
function source(initial: boolean | undefined, initialMetered?: boolean) {
  let onBattery = initial;
  let reads = 0;
  const time = new ManualTime(0);
  const metered = handSetMetered(initialMetered);
  const env = createNodeEnvironmentSource({
    platform: 'linux',
    timers: time,
    intervalMs: 60_000,
    readOnBattery: async () => {
      reads++;
      return onBattery;
    },
    metered: metered.reader,
  });
  return {
    env,
    time,
    metered,
    set: (value: boolean | undefined) => {
      onBattery = value;
    },
    reads: () => reads,
  };
}

/** Resolves at the next change notification. */
const nextChange = (env: ReturnType<typeof source>['env']): Promise<void> =>
  new Promise((resolve) => {
    const stop = env.onChange(() => {
      stop();
      resolve();
    });
  });

describe('createNodeEnvironmentSource', () => {
  it('is unknown until the first read and then reports the battery state', async () => {
    const s = source(true);
    expect(s.env.current()).toEqual({});
    await s.env.refresh();
    expect(s.env.current()).toEqual({ onBattery: true });
    s.set(undefined);
    await s.env.refresh();
    expect(s.env.current()).toEqual({});
  });

  it('polls while someone listens and tells listeners only about changes', async () => {
    const s = source(false);
    await s.env.refresh();
    let changes = 0;
    const stop = s.env.onChange(() => changes++);
    const readsBefore = s.reads();
    s.time.advance(60_000);
    await flush();
    expect(s.reads()).toBe(readsBefore + 1);
    s.time.advance(60_000);
    await flush();
    expect(s.reads()).toBe(readsBefore + 2);
    expect(changes).toBe(0);

    s.set(true);
    const changed = nextChange(s.env);
    s.time.advance(60_000);
    await changed;
    expect(s.env.current()).toEqual({ onBattery: true });
    expect(changes).toBe(1);

    stop();
    expect(s.time.pendingCount()).toBe(0);
  });

  it('treats a failing read as unknown', async () => {
    const env = createNodeEnvironmentSource({
      platform: 'linux',
      timers: new ManualTime(0),
      readOnBattery: () => Promise.reject(new Error('EACCES')),
      metered: handSetMetered(undefined).reader,
    });
    await env.refresh();
    expect(env.current()).toEqual({});
  });

  it('reports the metered state beside the battery state', async () => {
    const s = source(undefined, true);
    await s.env.refresh();
    expect(s.env.current()).toEqual({ metered: true });
    s.set(false);
    await s.env.refresh();
    expect(s.env.current()).toEqual({ onBattery: false, metered: true });
  });

  it('reads at once when the metered state is announced, without waiting for a poll', async () => {
    const s = source(false, false);
    await s.env.refresh();
    const stop = s.env.onChange(() => undefined);
    const changed = nextChange(s.env);
    s.metered.announce(true);
    await changed;
    expect(s.env.current()).toEqual({ onBattery: false, metered: true });
    stop();
    expect(s.metered.listeners()).toBe(0);
  });

  it('does not close the metered connection under a read that is still under way', async () => {
    const answers: ((value: boolean) => void)[] = [];
    let closes = 0;
    const env = createNodeEnvironmentSource({
      platform: 'linux',
      timers: new ManualTime(0),
      readOnBattery: async () => false,
      metered: {
        read: () => new Promise<boolean>((resolve) => answers.push(resolve)),
        onChange: () => () => undefined,
        close: () => {
          closes++;
        },
      },
    });
    const second = env.refresh(); // overlaps the read made on creation
    expect(answers).toHaveLength(2);
    answers[0]!(true);
    await flush();
    expect(closes).toBe(0);
    answers[1]!(true);
    await second;
    expect(closes).toBe(1);
    expect(env.current()).toEqual({ onBattery: false, metered: true });
  });

  it('holds the metered connection only while someone listens', async () => {
    const s = source(false, false);
    await s.env.refresh();
    // Nobody listened to that read (nor to the first one, made on creation).
    const closedAfterReads = s.metered.closes();
    expect(closedAfterReads).toBeGreaterThan(0);
    const stop = s.env.onChange(() => undefined);
    s.time.advance(60_000);
    await flush();
    expect(s.metered.closes()).toBe(closedAfterReads);
    stop();
    expect(s.metered.closes()).toBe(closedAfterReads + 1);
  });

  it('knows nothing about battery power on other platforms', async () => {
    const env = createNodeEnvironmentSource({ platform: 'darwin', timers: new ManualTime(0) });
    await env.refresh();
    expect(env.current()).toEqual({});
  });
});
