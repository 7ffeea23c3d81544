import { describe, expect, it } from 'vitest';
import { at, DAY, harness, HOUR, MIN } from './test-harness.js';

describe('Scheduler: pause, absent drives, conditions, upcoming', () => {
  it('pauses all schedules and resumes with at most one catch-up per target', () => {
    const h = harness('2025-05-05T00:00:00Z', [
      { id: 'a', schedule: { kind: 'daily', at: '02:30' } },
      { id: 'b', schedule: { kind: 'every-hours', hours: 2 } },
    ]);
    h.scheduler.start();
    h.scheduler.pause();
    expect(h.scheduler.isPaused()).toBe(true);
    h.time.advance(3 * DAY);
    expect(h.calls).toEqual([]);
    expect(h.scheduler.upcoming().every((r) => r.waitingFor === 'paused')).toBe(true);
    h.scheduler.resume();
    h.scheduler.resume(); // a second resume is a no-op
    h.time.advance(10_000);
    expect(h.calls).toEqual([
      { id: 'a', reason: 'catch-up', at: '2025-05-08T00:00:10.000Z' },
      { id: 'b', reason: 'catch-up', at: '2025-05-08T00:00:10.000Z' },
    ]);
    h.time.advance(HOUR);
    expect(h.calls).toHaveLength(2);
  });

  it('skips an absent drive quietly and retries once when it appears', () => {
    let present = false;
    const h = harness('2025-05-05T00:00:00Z', [{ id: 'usb', schedule: { kind: 'every-hours', hours: 1 } }], {
      host: (id, s) => {
        if (!present) return s.skipQuietly(id, 'target-appears');
        s.markStarted(id);
        s.markFinished(id, { ok: true, at: h.time.now() });
      },
    });
    h.scheduler.start();
    h.time.advance(10 * HOUR);
    expect(h.calls).toHaveLength(1); // one quiet skip, not one attempt per hour
    expect(h.scheduler.upcoming()).toEqual([{ id: 'usb', waitingFor: 'target' }]);
    present = true;
    h.scheduler.notifyTargetAvailable('usb');
    h.scheduler.notifyTargetAvailable('usb');
    h.time.advance(0);
    expect(h.calls.map((c) => `${c.reason} ${c.at}`)).toEqual([
      'schedule 2025-05-05T01:00:00.000Z',
      'catch-up 2025-05-05T10:00:00.000Z',
    ]);
    h.time.advance(HOUR);
    expect(h.calls.at(-1)).toEqual({ id: 'usb', reason: 'schedule', at: '2025-05-05T11:00:00.000Z' });
  });

  it('holds a run back on battery and runs it once when mains power returns', () => {
    let onBattery = true;
    const h = harness(
      '2025-05-05T00:00:00Z',
      [{ id: 'a', schedule: { kind: 'daily', at: '01:00', conditions: { notOnBattery: true } } }],
      { environment: () => ({ onBattery }) },
    );
    h.scheduler.start();
    h.time.advance(3 * HOUR);
    expect(h.calls).toEqual([]);
    expect(h.scheduler.upcoming()[0]?.waitingFor).toBe('conditions');
    onBattery = false;
    h.scheduler.notifyEnvironmentChanged();
    h.time.advance(0);
    expect(h.calls).toEqual([{ id: 'a', reason: 'schedule', at: '2025-05-05T03:00:00.000Z' }]);
  });

  it('lists upcoming runs soonest first, leaving out schedules that are off', () => {
    const h = harness('2025-05-05T00:00:00Z', [
      { id: 'off', schedule: { kind: 'off' } },
      { id: 'weekly', schedule: { kind: 'weekly', days: [3], at: '08:00' } },
      { id: 'daily', schedule: { kind: 'daily', at: '02:30' }, lastRunAt: at('2025-05-04T02:30:00Z') },
      { id: 'hours', schedule: { kind: 'every-hours', hours: 3 } },
    ]);
    h.scheduler.start();
    expect(h.scheduler.upcoming()).toEqual([
      {
        id: 'daily',
        dueAt: at('2025-05-05T02:30:00Z'),
        reason: 'schedule',
        lastRunAt: at('2025-05-04T02:30:00Z'),
      },
      { id: 'hours', dueAt: at('2025-05-05T03:00:00Z'), reason: 'schedule' },
      { id: 'weekly', dueAt: at('2025-05-07T08:00:00Z'), reason: 'schedule' },
    ]);
    h.scheduler.setTargets([{ id: 'weekly', schedule: { kind: 'off' } }]);
    expect(h.scheduler.upcoming()).toEqual([]);
    h.time.advance(DAY);
    expect(h.calls).toEqual([]);
  });

  it('stops all timers on stop()', () => {
    const h = harness('2025-05-05T00:00:00Z', [{ id: 'a', schedule: { kind: 'every-hours', hours: 1 } }]);
    h.scheduler.start();
    h.scheduler.stop();
    expect(h.time.pendingCount()).toBe(0);
    h.time.advance(DAY);
    expect(h.calls).toEqual([]);
  });
});

describe('Scheduler: targets changing and failed runs', () => {
  it('waits for the next slot after a failed run instead of retrying at once', () => {
    const h = harness('2025-05-05T00:00:00Z', [{ id: 'a', schedule: { kind: 'daily', at: '01:00' } }], {
      host: (id, s) => {
        s.markStarted(id);
        s.markFinished(id, { ok: false, at: h.time.now() + 2 * MIN });
      },
    });
    h.scheduler.start();
    h.time.advance(DAY);
    expect(h.calls.map((c) => c.at)).toEqual(['2025-05-05T01:00:00.000Z']);
    expect(h.scheduler.upcoming()).toEqual([
      { id: 'a', dueAt: at('2025-05-06T01:00:00Z'), reason: 'schedule' },
    ]);
  });

  it('gives a target whose new schedule is already overdue one catch-up', () => {
    const h = harness('2025-05-05T10:00:00Z', [
      { id: 'a', schedule: { kind: 'daily', at: '02:30' }, lastAttemptAt: at('2025-05-05T02:30:00Z') },
    ]);
    h.scheduler.start();
    h.time.advance(HOUR);
    h.scheduler.setTargets([
      { id: 'a', schedule: { kind: 'every-hours', hours: 4 }, lastAttemptAt: at('2025-05-05T02:30:00Z') },
    ]);
    h.time.advance(2 * MIN);
    expect(h.calls).toEqual([{ id: 'a', reason: 'catch-up', at: '2025-05-05T11:01:00.000Z' }]);
    h.time.advance(5 * HOUR);
    expect(h.calls.map((c) => c.at)).toEqual(['2025-05-05T11:01:00.000Z', '2025-05-05T15:01:00.000Z']);
  });

  it('keeps a running target running when the targets are replaced, and forgets removed ones', () => {
    const h = harness('2025-05-05T00:00:00Z', [
      { id: 'a', schedule: { kind: 'every-hours', hours: 1 } },
      { id: 'b', schedule: { kind: 'every-hours', hours: 1 } },
    ]);
    h.scheduler.start();
    h.scheduler.markStarted('a');
    h.scheduler.setTargets([{ id: 'a', schedule: { kind: 'every-hours', hours: 2 } }]);
    expect(h.scheduler.upcoming()).toMatchObject([{ id: 'a', waitingFor: 'running' }]);
    h.time.advance(3 * HOUR);
    expect(h.calls).toEqual([]); // 'a' never finished, 'b' is gone
    h.scheduler.markFinished('a', { ok: true, at: h.time.now() });
    // Counted from the run's start (00:00) under the new 2-hour schedule; 02:00 fell during the run.
    expect(h.scheduler.upcoming()[0]).toMatchObject({
      dueAt: at('2025-05-05T05:00:00Z'),
      lastRunAt: h.time.now(),
    });
  });

  it('ignores a wake while the target is running and a drive appearing for a target not waiting', () => {
    const h = harness('2025-05-05T00:00:00Z', [{ id: 'a', schedule: { kind: 'every-hours', hours: 1 } }], {
      runMs: 3 * HOUR,
    });
    h.scheduler.start();
    h.time.advance(HOUR); // starts at 01:00, runs until 04:00
    h.time.sleep(2 * HOUR);
    h.scheduler.notifyWake();
    h.scheduler.notifyTargetAvailable('a');
    h.time.advance(30 * MIN);
    expect(h.calls).toHaveLength(1);
  });
});
