import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatClock,
  formatCount,
  formatDuration,
  formatRate,
  formatRatio,
  formatRelative,
  parseDate,
  truncateMiddle,
} from './format.js';

describe('formatBytes', () => {
  it('uses decimal units with one decimal like borg', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1000)).toBe('1.0 kB');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
    expect(formatBytes(4_200_000_000)).toBe('4.2 GB');
    expect(formatBytes(3e12)).toBe('3.0 TB');
  });

  it('moves to the next unit instead of printing 1000.0', () => {
    expect(formatBytes(999_940)).toBe('999.9 kB');
    expect(formatBytes(999_960)).toBe('1.0 MB');
  });

  it('handles negatives and non-finite values', () => {
    expect(formatBytes(-2500)).toBe('-2.5 kB');
    expect(formatBytes(Number.NaN)).toBe('—');
  });
});

describe('rates, ratios and counts', () => {
  it('formats a rate and clamps negatives to zero', () => {
    expect(formatRate(2_500_000)).toBe('2.5 MB/s');
    expect(formatRate(-5)).toBe('0 B/s');
  });

  it('formats a dedup ratio', () => {
    expect(formatRatio(4.236)).toBe('4.2×');
    expect(formatRatio(250.4)).toBe('250×');
    expect(formatRatio(0)).toBe('—');
  });

  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});

describe('durations', () => {
  it('reads naturally at every scale', () => {
    expect(formatDuration(0.42)).toBe('0.4 s');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(192)).toBe('3 min 12 s');
    expect(formatDuration(180)).toBe('3 min');
    expect(formatDuration(7500)).toBe('2 h 5 min');
    expect(formatDuration(-1)).toBe('—');
  });

  it('formats a running clock', () => {
    expect(formatClock(7_000)).toBe('0:07');
    expect(formatClock(754_000)).toBe('12:34');
    expect(formatClock(3_723_000)).toBe('1:02:03');
  });
});

describe('dates', () => {
  const now = new Date('2024-05-10T12:00:00Z');

  it('parses borg timestamps with microseconds', () => {
    const date = parseDate('2024-05-01T10:00:00.123456');
    expect(date?.getMilliseconds()).toBe(123);
    expect(parseDate('not a date')).toBeUndefined();
  });

  it('describes moments relative to now', () => {
    expect(formatRelative(new Date('2024-05-10T11:59:30Z'), now)).toBe('just now');
    expect(formatRelative(new Date('2024-05-10T11:55:00Z'), now)).toBe('5 minutes ago');
    expect(formatRelative(new Date('2024-05-10T09:00:00Z'), now)).toBe('3 hours ago');
    expect(formatRelative(new Date('2024-05-09T12:00:00Z'), now)).toBe('yesterday');
    expect(formatRelative(new Date('2024-04-20T12:00:00Z'), now)).toBe('3 weeks ago');
    expect(formatRelative(new Date('2024-05-10T14:00:00Z'), now)).toBe('in 2 hours');
    expect(formatRelative('garbage', now)).toBe('—');
  });
});

describe('truncateMiddle', () => {
  it('keeps both ends of a long path', () => {
    const path = '/home/ann/Documents/projects/borgdesk/src/very/deep/file.txt';
    const short = truncateMiddle(path, 24);
    expect(short).toHaveLength(24);
    expect(short.startsWith('/home/ann/D')).toBe(true);
    expect(short.endsWith('file.txt')).toBe(true);
    expect(short).toContain('…');
  });

  it('leaves short text alone', () => {
    expect(truncateMiddle('/tmp', 10)).toBe('/tmp');
  });
});
