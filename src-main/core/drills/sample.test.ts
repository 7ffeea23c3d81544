import { describe, expect, it } from 'vitest';
import type { ArchiveItem } from '../../borg/json-output.js';
import { SampleCollector, type SampleLimits } from './sample.js';

const MB = 1000 * 1000;

function file(path: string, size: number, mtime: string): ArchiveItem {
  return { type: '-', path, size, mtime };
}

// A seeded generator (mulberry32), so the random part is the same on every run.
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('SampleCollector', () => {
  it('takes the newest, then the largest, then random files, within count and bytes', () => {
    const limits: SampleLimits = { count: 6, maxBytes: 100 * MB, newest: 2, largest: 2 };
    const collector = new SampleCollector(limits, seeded(7));
    for (let i = 0; i < 1000; i++)
      collector.accept(
        file(`home/me/f${i}`, 1000 + i, `2026-01-01T00:${String(i % 60).padStart(2, '0')}:00`),
      );
    collector.accept(file('home/me/new-a', 10, '2026-03-01T10:00:00'));
    collector.accept(file('home/me/new-b', 10, '2026-03-01T09:00:00'));
    collector.accept(file('home/me/big-1', 60 * MB, '2020-01-01T00:00:00'));
    collector.accept(file('home/me/big-2', 50 * MB, '2020-01-01T00:00:00'));
    collector.accept(file('home/me/big-3', 30 * MB, '2020-01-01T00:00:00'));
    collector.accept(file('home/me/huge', 500 * MB, '2030-01-01T00:00:00'));
    collector.accept({ type: 'd', path: 'home/me', mtime: '2031-01-01T00:00:00' });
    collector.accept({ type: 'l', path: 'home/me/link', mtime: '2031-01-01T00:00:00' });
    const picked = collector.pick();
    const paths = picked.map((f) => f.path);
    expect(paths.slice(0, 2)).toEqual(['home/me/new-a', 'home/me/new-b']);
    // big-2 would pass the 100 MB budget after big-1; big-3 still fits.
    expect(paths.slice(2, 4)).toEqual(['home/me/big-1', 'home/me/big-3']);
    expect(paths).toHaveLength(6);
    expect(paths).not.toContain('home/me/huge');
    expect(paths).not.toContain('home/me');
    expect(paths).not.toContain('home/me/link');
    expect(new Set(paths).size).toBe(6);
    expect(picked.reduce((sum, f) => sum + f.size, 0)).toBeLessThanOrEqual(100 * MB);
    expect(paths.slice(4).every((p) => /^home\/me\/f\d+$/.test(p))).toBe(true);
  });

  it('spreads the random part over the whole archive, not its first files', () => {
    const limits: SampleLimits = { count: 20, maxBytes: 100 * MB, newest: 0, largest: 0 };
    const collector = new SampleCollector(limits, seeded(3));
    for (let i = 0; i < 10_000; i++) collector.accept(file(`f${i}`, 1, '2026-01-01T00:00:00'));
    const indexes = collector.pick().map((f) => Number(f.path.slice(1)));
    expect(indexes).toHaveLength(20);
    expect(indexes.some((i) => i >= 5000)).toBe(true);
  });

  it('takes every file of a small archive', () => {
    const collector = new SampleCollector();
    collector.accept(file('a', 1, '2026-01-01T00:00:00'));
    collector.accept(file('b', 2, '2026-01-02T00:00:00'));
    expect(
      collector
        .pick()
        .map((f) => f.path)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(new SampleCollector().pick()).toEqual([]);
  });
});
