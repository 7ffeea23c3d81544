import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressThrottle } from './progress-throttle.js';

const clock = { now: () => Date.now() };

describe('ProgressThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns 10,000 updates in one second into about ten deliveries, ending with the last value', () => {
    const delivered: number[] = [];
    const throttle = new ProgressThrottle<number>((_, v) => delivered.push(v), { clock, intervalMs: 100 });
    for (let i = 1; i <= 10_000; i++) {
      throttle.push('job', i);
      vi.advanceTimersByTime(0.1);
    }
    vi.advanceTimersByTime(200);
    expect(delivered.length).toBeGreaterThanOrEqual(9);
    expect(delivered.length).toBeLessThanOrEqual(11);
    expect(delivered.at(-1)).toBe(10_000);
    // Values only move forward: each delivery is the newest at that moment.
    expect([...delivered].sort((a, b) => a - b)).toEqual(delivered);
  });

  it('delivers the first value at once and holds later ones until the interval ends', () => {
    const delivered: string[] = [];
    const throttle = new ProgressThrottle<string>((_, v) => delivered.push(v), { clock, intervalMs: 100 });
    throttle.push('a', 'first');
    throttle.push('a', 'second');
    throttle.push('a', 'third');
    expect(delivered).toEqual(['first']);
    vi.advanceTimersByTime(99);
    expect(delivered).toEqual(['first']);
    vi.advanceTimersByTime(1);
    expect(delivered).toEqual(['first', 'third']);
  });

  it('flush delivers the held value immediately and cancels the timer', () => {
    const delivered: string[] = [];
    const throttle = new ProgressThrottle<string>((_, v) => delivered.push(v), { clock, intervalMs: 100 });
    throttle.push('a', 'one');
    throttle.push('a', 'two');
    throttle.flush('a');
    expect(delivered).toEqual(['one', 'two']);
    vi.advanceTimersByTime(500);
    expect(delivered).toEqual(['one', 'two']);
  });

  it('throttles each key on its own', () => {
    const delivered: string[] = [];
    const throttle = new ProgressThrottle<string>((k, v) => delivered.push(`${k}:${v}`), {
      clock,
      intervalMs: 100,
    });
    throttle.push('a', '1');
    throttle.push('b', '1');
    throttle.push('a', '2');
    expect(delivered).toEqual(['a:1', 'b:1']);
    vi.advanceTimersByTime(100);
    expect(delivered).toEqual(['a:1', 'b:1', 'a:2']);
  });

  it('dispose drops held values', () => {
    const delivered: string[] = [];
    const throttle = new ProgressThrottle<string>((_, v) => delivered.push(v), { clock, intervalMs: 100 });
    throttle.push('a', '1');
    throttle.push('a', '2');
    throttle.dispose();
    vi.advanceTimersByTime(1000);
    expect(delivered).toEqual(['1']);
  });
});
