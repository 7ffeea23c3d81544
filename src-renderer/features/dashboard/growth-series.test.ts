import { describe, expect, it } from 'vitest';
import type { ArchiveSummary } from '../../../src-main/model/archive.js';
import { formatAxisBytes, formatTimeTick, growthSeries, totalOriginalSize } from './growth-series.js';

const archive = (name: string, start: string, originalSize?: number, deduplicatedSize?: number) =>
  ({ id: name, name, start, originalSize, deduplicatedSize }) satisfies ArchiveSummary;

describe('growthSeries', () => {
  it('orders archives oldest first by start, whatever order borg listed them in', () => {
    const points = growthSeries([
      archive('c', '2024-03-01T10:00:00.000000', 300, 30),
      archive('a', '2024-01-01T10:00:00.123456', 100, 100),
      archive('b', '2024-02-01T10:00:00', 200, 20),
    ]);
    expect(points.map((p) => p.archiveName)).toEqual(['a', 'b', 'c']);
    expect(points.map((p) => p.originalSize)).toEqual([100, 200, 300]);
    expect(points.map((p) => p.deduplicatedSize)).toEqual([100, 20, 30]);
    expect(points[0]?.time).toBe(new Date('2024-01-01T10:00:00.123').getTime());
  });

  it('leaves out archives whose start cannot be read, and keeps missing sizes missing', () => {
    const points = growthSeries([archive('bad', 'not a date', 1, 1), archive('ok', '2024-01-01T00:00:00')]);
    expect(points).toHaveLength(1);
    expect(points[0]?.archiveName).toBe('ok');
    expect(points[0]?.originalSize).toBeUndefined();
  });

  it('keeps borg order for archives that started at the same instant', () => {
    const same = '2024-01-01T00:00:00';
    expect(growthSeries([archive('x', same), archive('y', same)]).map((p) => p.archiveName)).toEqual([
      'x',
      'y',
    ]);
  });
});

describe('totalOriginalSize', () => {
  it('sums known sizes and says unknown when none is known', () => {
    expect(totalOriginalSize([archive('a', 'x', 5), archive('b', 'y'), archive('c', 'z', 7)])).toBe(12);
    expect(totalOriginalSize([archive('a', 'x')])).toBeUndefined();
    expect(totalOriginalSize([])).toBeUndefined();
  });
});

describe('formatTimeTick', () => {
  const ms = new Date(2024, 4, 1, 9, 5, 7).getTime();
  it('shows seconds for runs within an hour, minutes within a day, dates beyond', () => {
    expect(formatTimeTick(ms, 60_000, 'en-GB')).toBe('09:05:07');
    expect(formatTimeTick(ms, 7_200_000, 'en-GB')).toBe('09:05');
    expect(formatTimeTick(ms, 3 * 86_400_000, 'en-GB')).toBe('1 May');
  });
});

describe('formatAxisBytes', () => {
  it('drops a trailing .0 but keeps real decimals', () => {
    expect(formatAxisBytes(850_000)).toBe('850 kB');
    expect(formatAxisBytes(1_500_000)).toBe('1.5 MB');
    expect(formatAxisBytes(0)).toBe('0 B');
  });

  it('drops a German ",0" the same way', async () => {
    const { setFormatLocale } = await import('../../i18n/locale-state.js');
    setFormatLocale('de');
    try {
      expect(formatAxisBytes(2_000_000)).toBe('2 MB');
      expect(formatAxisBytes(1_500_000)).toBe('1,5 MB');
    } finally {
      setFormatLocale('en');
    }
  });
});
