import { describe, expect, it } from 'vitest';
import { ManualTime } from '../schedule/manual-time.js';
import { flush } from '../schedule/test-harness.js';
import { createNodeEnvironmentSource } from './node-environment.js';

/** A source over a battery state the test sets, on hand-driven timers. */
function source(initial: boolean | undefined) {
  let onBattery = initial;
  let reads = 0;
  const time = new ManualTime(0);
  const env = createNodeEnvironmentSource({
    platform: 'linux',
    timers: time,
    intervalMs: 60_000,
    readOnBattery: async () => {
      reads++;
      return onBattery;
    },
  });
  return {
    env,
    time,
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
    });
    await env.refresh();
    expect(env.current()).toEqual({});
  });

  it('knows nothing about battery power on other platforms', async () => {
    const env = createNodeEnvironmentSource({ platform: 'darwin', timers: new ManualTime(0) });
    await env.refresh();
    expect(env.current()).toEqual({});
  });
});
