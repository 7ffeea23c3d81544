import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogEntry } from '../../model/job.js';
import { LogBatcher, LogRing, toLogEntry } from './job-log.js';

const T = '2024-01-01T00:00:00.000Z';

describe('toLogEntry', () => {
  it('maps borg levels and keeps the msgid', () => {
    expect(toLogEntry({ type: 'log_message', level: 'WARNING', message: 'w', msgid: 'X' }, T)).toEqual({
      time: T,
      level: 'warning',
      message: 'w',
      msgid: 'X',
    });
    expect(toLogEntry({ type: 'log_message', level: 'CRITICAL', message: 'c' }, T)?.level).toBe('error');
    expect(toLogEntry({ type: 'log_message', level: 'DEBUG', message: 'd' }, T)?.level).toBe('debug');
  });

  it('skips progress, blank raw lines and (by default) file status', () => {
    expect(toLogEntry({ type: 'archive_progress', originalSize: 1 }, T)).toBeUndefined();
    expect(toLogEntry({ type: 'progress_message', finished: false, message: 'x' }, T)).toBeUndefined();
    expect(toLogEntry({ type: 'progress_percent', finished: false, current: 1 }, T)).toBeUndefined();
    expect(toLogEntry({ type: 'raw', line: '   ' }, T)).toBeUndefined();
    expect(toLogEntry({ type: 'file_status', status: 'A', path: 'f' }, T)).toBeUndefined();
  });

  it('logs raw lines as info and file status when asked', () => {
    expect(toLogEntry({ type: 'raw', line: ' hello ' }, T)).toEqual({
      time: T,
      level: 'info',
      message: 'hello',
    });
    expect(
      toLogEntry({ type: 'file_status', status: 'A', path: 'f' }, T, { includeFileStatus: true })?.message,
    ).toBe('A f');
  });
});

describe('LogRing', () => {
  it('keeps at most its capacity and says how many lines were dropped', () => {
    const ring = new LogRing(100);
    for (let i = 0; i < 1000; i++) ring.add({ time: T, level: 'info', message: `line ${i}` });
    const list = ring.list();
    expect(list.length).toBeLessThanOrEqual(101);
    expect(list.at(-1)?.message).toBe('line 999');
    expect(list[0]?.message).toMatch(/^\(\d+ earlier lines not kept\)$/);
  });
});

describe('LogBatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('delivers one batch per interval per key', () => {
    const batches: [string, LogEntry[]][] = [];
    const batcher = new LogBatcher((k, e) => batches.push([k, e]), 250);
    for (let i = 0; i < 100; i++) batcher.add('a', { time: T, level: 'info', message: String(i) });
    batcher.add('b', { time: T, level: 'info', message: 'b' });
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(batches.map(([k, e]) => [k, e.length])).toEqual([
      ['a', 100],
      ['b', 1],
    ]);
  });

  it('flush delivers a key at once', () => {
    const batches: LogEntry[][] = [];
    const batcher = new LogBatcher((_, e) => batches.push(e), 250);
    batcher.add('a', { time: T, level: 'error', message: 'boom' });
    batcher.flush('a');
    expect(batches).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(batches).toHaveLength(1);
  });
});
