import { describe, expect, it } from 'vitest';
import { at, DAY, flush, harness, HOUR, MIN } from './test-harness.js';

describe('Scheduler: regular runs', () => {
  it('fires a daily target at its time, once a day, with capped timers', () => {
    const h = harness('2025-05-05T00:00:00Z', [{ id: 'a', schedule: { kind: 'daily', at: '02:30' } }]);
    h.scheduler.start();
    h.time.advance(3 * DAY);
    expect(h.calls).toEqual([
      { id: 'a', reason: 'schedule', at: '2025-05-05T02:30:00.000Z' },
      { id: 'a', reason: 'schedule', at: '2025-05-06T02:30:00.000Z' },
      { id: 'a', reason: 'schedule', at: '2025-05-07T02:30:00.000Z' },
    ]);
    expect(Math.max(...h.timerDelays)).toBeLessThanOrEqual(MIN);
    expect(h.time.pendingCount()).toBe(1);
  });

  it('follows DST in the configured zone (Berlin: 03:00 on spring-forward, once on fall-back)', () => {
    const h = harness('2025-03-29T12:00:00Z', [{ id: 'a', schedule: { kind: 'daily', at: '02:30' } }], {
      timeZone: 'Europe/Berlin',
    });
    h.scheduler.start();
    h.time.advance(2 * DAY);
    expect(h.calls.map((c) => c.at)).toEqual(['2025-03-30T01:00:00.000Z', '2025-03-31T00:30:00.000Z']);

    const fall = harness('2025-10-25T12:00:00Z', [{ id: 'b', schedule: { kind: 'daily', at: '02:30' } }], {
      timeZone: 'Europe/Berlin',
    });
    fall.scheduler.start();
    fall.time.advance(2 * DAY);
    expect(fall.calls.map((c) => c.at)).toEqual(['2025-10-26T00:30:00.000Z', '2025-10-27T01:30:00.000Z']);
  });

  it('counts every-hours from the last run, not from the wall clock', () => {
    const h = harness('2025-05-05T10:00:00Z', [
      { id: 'a', schedule: { kind: 'every-hours', hours: 4 }, lastAttemptAt: at('2025-05-05T09:17:00Z') },
    ]);
    h.scheduler.start();
    h.time.advance(9 * HOUR);
    expect(h.calls.map((c) => c.at)).toEqual(['2025-05-05T13:17:00.000Z', '2025-05-05T17:17:00.000Z']);
  });
});

describe('Scheduler: catch-up', () => {
  it('runs slots missed while the app was closed once, after the start grace', () => {
    const h = harness('2025-05-12T09:00:00Z', [
      { id: 'daily', schedule: { kind: 'daily', at: '02:30' }, lastAttemptAt: at('2025-05-05T02:30:00Z') },
      { id: 'hourly', schedule: { kind: 'every-hours', hours: 1 }, lastRunAt: at('2025-05-01T00:00:00Z') },
    ]);
    h.scheduler.start();
    h.time.advance(59_000);
    expect(h.calls).toEqual([]);
    h.time.advance(1_000);
    expect(h.calls).toEqual([
      { id: 'daily', reason: 'catch-up', at: '2025-05-12T09:01:00.000Z' },
      { id: 'hourly', reason: 'catch-up', at: '2025-05-12T09:01:00.000Z' },
    ]);
    // No burst afterwards: the hourly target resumes its rhythm from the catch-up.
    h.time.advance(2 * HOUR);
    expect(h.calls.slice(2)).toEqual([
      { id: 'hourly', reason: 'schedule', at: '2025-05-12T10:01:00.000Z' },
      { id: 'hourly', reason: 'schedule', at: '2025-05-12T11:01:00.000Z' },
    ]);
  });

  it('runs once after a long sleep, even when wake is signalled twice and the timer fires late', () => {
    const h = harness('2025-05-05T20:00:00Z', [
      { id: 'a', schedule: { kind: 'daily', at: '02:30' }, lastAttemptAt: at('2025-05-05T02:30:00Z') },
    ]);
    h.scheduler.start();
    h.time.advance(3 * HOUR); // 23:00, then asleep until Thursday 08:00: three slots missed
    h.time.sleep(3 * DAY + 9 * HOUR);
    h.scheduler.notifyWake();
    h.scheduler.notifyResume();
    h.time.advance(30 * MIN);
    expect(h.calls).toEqual([{ id: 'a', reason: 'catch-up', at: '2025-05-09T08:01:00.000Z' }]);
    h.scheduler.notifyWake(); // a late duplicate signal after the run finished changes nothing
    h.time.advance(18 * HOUR);
    expect(h.calls.map((c) => `${c.reason} ${c.at}`)).toEqual([
      'catch-up 2025-05-09T08:01:00.000Z',
      'schedule 2025-05-10T02:30:00.000Z',
    ]);
  });

  it('detects a wake from a late timer alone and waits the wake grace instead of running at once', () => {
    const h = harness('2025-05-05T20:00:00Z', [
      { id: 'a', schedule: { kind: 'daily', at: '02:30' }, lastAttemptAt: at('2025-05-05T02:30:00Z') },
    ]);
    h.scheduler.start();
    h.time.advance(3 * HOUR);
    h.time.sleep(10 * HOUR); // wall clock now 09:00 next day; the pending timer has not moved
    h.time.advance(MIN); // the stale timer fires: ten hours late by the wall clock
    expect(h.calls).toEqual([]);
    expect(h.scheduler.upcoming()).toEqual([
      { id: 'a', dueAt: at('2025-05-06T09:02:00Z'), reason: 'catch-up' },
    ]);
    h.time.advance(MIN);
    expect(h.calls).toEqual([{ id: 'a', reason: 'catch-up', at: '2025-05-06T09:02:00.000Z' }]);
    h.time.advance(12 * HOUR);
    expect(h.calls).toHaveLength(1);
  });

  it('waits for the network before a remote catch-up, asking again each minute', async () => {
    let online = false;
    const asked: string[] = [];
    const h = harness(
      '2025-05-05T20:00:00Z',
      [
        {
          id: 'remote',
          schedule: { kind: 'daily', at: '02:30' },
          lastAttemptAt: at('2025-05-05T02:30:00Z'),
          needsNetwork: true,
        },
        { id: 'local', schedule: { kind: 'daily', at: '02:30' }, lastAttemptAt: at('2025-05-05T02:30:00Z') },
      ],
      {
        networkReady: async (id) => {
          asked.push(id);
          return online;
        },
      },
    );
    h.scheduler.start();
    h.time.advance(HOUR);
    h.time.sleep(12 * HOUR); // wakes 09:00 on the 6th
    h.scheduler.notifyWake();
    h.time.advance(MIN);
    await flush();
    expect(h.calls.map((c) => c.id)).toEqual(['local']);
    expect(h.scheduler.upcoming().find((r) => r.id === 'remote')?.waitingFor).toBe('network');
    h.time.advance(MIN);
    await flush();
    h.time.advance(MIN);
    await flush();
    expect(asked).toEqual(['remote', 'remote', 'remote']);
    online = true;
    h.time.advance(MIN);
    await flush();
    expect(h.calls.filter((c) => c.id === 'remote')).toEqual([
      { id: 'remote', reason: 'catch-up', at: '2025-05-06T09:04:00.000Z' },
    ]);
    h.time.advance(10 * HOUR);
    await flush();
    expect(h.calls.filter((c) => c.id === 'remote')).toHaveLength(1);
  });
});

describe('Scheduler: never two runs of one target', () => {
  it('drops a slot that falls while the previous run is still going', () => {
    const h = harness(
      '2025-05-05T00:00:00Z',
      [{ id: 'a', schedule: { kind: 'every-hours', hours: 1 }, lastAttemptAt: at('2025-05-05T00:00:00Z') }],
      { runMs: 90 * MIN },
    );
    h.scheduler.start();
    h.time.advance(4 * HOUR);
    // 01:00 runs until 02:30; the 02:00 slot is dropped; next slot counted from 02:30.
    expect(h.calls.map((c) => c.at)).toEqual(['2025-05-05T01:00:00.000Z', '2025-05-05T03:30:00.000Z']);
  });

  it('does not fire while a run is queued but not yet started, nor during a manual run', () => {
    const h = harness(
      '2025-05-05T00:00:00Z',
      [{ id: 'a', schedule: { kind: 'every-hours', hours: 1 }, lastAttemptAt: at('2025-05-05T00:00:00Z') }],
      { host: () => undefined }, // the host queues the job and reports nothing yet
    );
    h.scheduler.start();
    h.time.advance(5 * HOUR);
    expect(h.calls).toHaveLength(1);
    expect(h.scheduler.upcoming()[0]?.waitingFor).toBe('running');
    h.scheduler.markFinished('a', { ok: true, at: h.time.now() });
    // A manual "back up now" at 05:10 that runs for 2 hours: no scheduled start meanwhile.
    h.time.advance(10 * MIN);
    h.scheduler.markStarted('a');
    h.time.advance(2 * HOUR);
    expect(h.calls).toHaveLength(1);
    h.scheduler.markFinished('a', { ok: true, at: h.time.now() });
    expect(h.scheduler.upcoming()[0]).toMatchObject({
      dueAt: at('2025-05-05T08:10:00Z'),
      reason: 'schedule',
    });
  });

  it('does not retry a host that refuses the run in a loop', () => {
    let refused = 0;
    const h = harness('2025-05-05T00:00:00Z', [{ id: 'a', schedule: { kind: 'every-hours', hours: 6 } }], {
      host: () => {
        refused++;
        throw new Error('queue closed');
      },
    });
    h.scheduler.start();
    h.time.advance(7 * HOUR);
    expect(refused).toBe(1);
  });
});
