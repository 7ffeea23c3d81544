import { describe, expect, it } from 'vitest';
import { TransferSampler } from './transfer-sampler.js';

const MB = 1_000_000;

describe('TransferSampler', () => {
  it('reports cumulative counters and keeps the last real path', () => {
    const s = new TransferSampler();
    s.record({ originalSize: 10, compressedSize: 8, deduplicatedSize: 5, nfiles: 2, path: 'a/b' }, 100);
    s.record({ originalSize: 20, compressedSize: 16, deduplicatedSize: 6, nfiles: 3, path: '' }, 200);
    const p = s.deliver();
    expect(p).toMatchObject({
      kind: 'backup',
      fileCount: 3,
      originalSize: 20,
      compressedSize: 16,
      deduplicatedSize: 6,
      currentPath: 'a/b',
      elapsedMs: 200,
    });
  });

  it('keeps counters when the final event carries no sizes', () => {
    const s = new TransferSampler();
    s.record({ originalSize: 50, nfiles: 4 }, 1000);
    s.record({}, 1100);
    expect(s.deliver()).toMatchObject({ originalSize: 50, fileCount: 4, elapsedMs: 1100 });
  });

  it('computes graph samples as rates since the previous delivery', () => {
    const s = new TransferSampler();
    s.record({ originalSize: 10 * MB, deduplicatedSize: 2 * MB }, 1000);
    expect(s.deliver().sample).toEqual({
      elapsedMs: 1000,
      originalBytesPerSecond: 10 * MB,
      deduplicatedBytesPerSecond: 2 * MB,
    });
    s.record({ originalSize: 12 * MB, deduplicatedSize: 2 * MB }, 1250);
    s.record({ originalSize: 15 * MB, deduplicatedSize: 3 * MB }, 1500);
    expect(s.deliver().sample).toEqual({
      elapsedMs: 1500,
      originalBytesPerSecond: 10 * MB,
      deduplicatedBytesPerSecond: 2 * MB,
    });
  });

  it('smooths bytesPerSecond over the recent window only', () => {
    const s = new TransferSampler({ windowMs: 3000 });
    // 1 MB/s for 10 s, then 10 MB/s for 3 s: the window sees only the fast part.
    let total = 0;
    for (let t = 100; t <= 10_000; t += 100) s.record({ originalSize: (total += 0.1 * MB) }, t);
    expect(s.deliver().bytesPerSecond).toBeCloseTo(1 * MB, -3);
    for (let t = 10_100; t <= 13_000; t += 100) s.record({ originalSize: (total += 1 * MB) }, t);
    expect(s.deliver().bytesPerSecond).toBeCloseTo(10 * MB, -4);
  });

  it('measures a rate even when the window holds a single point after a pause', () => {
    const s = new TransferSampler({ windowMs: 3000 });
    s.record({ originalSize: 0 }, 0);
    s.record({ originalSize: 20 * MB }, 20_000);
    expect(s.deliver().bytesPerSecond).toBeCloseTo(1 * MB, -3);
  });

  it('never reports negative rates and stays bounded under a flood', () => {
    const s = new TransferSampler();
    s.record({ originalSize: 100 }, 100);
    s.deliver();
    s.record({ originalSize: 50 }, 200);
    const p = s.deliver();
    expect(p.sample.originalBytesPerSecond).toBe(0);
    expect(p.bytesPerSecond).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < 100_000; i++) s.record({ originalSize: i }, 200 + i * 0.01);
    expect(s.deliver().bytesPerSecond).toBeGreaterThan(0);
  });

  it('reports zero rates before any time has passed', () => {
    const s = new TransferSampler();
    const p = s.deliver();
    expect(p.bytesPerSecond).toBe(0);
    expect(p.sample.originalBytesPerSecond).toBe(0);
  });
});
