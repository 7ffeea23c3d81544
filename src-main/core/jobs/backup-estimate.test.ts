import { describe, expect, it } from 'vitest';
import { BackupEstimator, type BackupEstimate } from './backup-estimate.js';

const GB = 1_000_000_000;
const lastBackup: BackupEstimate = { source: 'previous-archive', originalSize: 10 * GB, fileCount: 1000 };

/** Feed a backup that moves `bytesPerSecond` and read it every `everyMs` up to `untilMs`. */
function run(estimator: BackupEstimator, bytesPerSecond: number, untilMs: number, everyMs = 1000) {
  const readings = [];
  for (let ms = 0; ms <= untilMs; ms += everyMs) {
    const done = (bytesPerSecond * ms) / 1000;
    readings.push({ ms, ...estimator.read({ originalSize: done, fileCount: 0 }, ms) });
  }
  return readings;
}

describe('BackupEstimator', () => {
  it('says nothing until 5 % of the estimate and 10 s have passed', () => {
    // 100 MB/s: 5 % (500 MB) after 5 s, so the 10 s rule decides.
    const fast = run(new BackupEstimator(lastBackup), 100_000_000, 12_000);
    expect(fast.filter((r) => r.ms < 10_000).every((r) => r.percent === undefined)).toBe(true);
    expect(fast.find((r) => r.ms === 10_000)?.percent).toBeCloseTo(10);
    // 20 MB/s: 10 s is only 2 %, so the share decides (5 % at 25 s).
    const slow = run(new BackupEstimator(lastBackup), 20_000_000, 26_000);
    expect(slow.filter((r) => r.ms < 25_000).every((r) => r.percent === undefined)).toBe(true);
    expect(slow.find((r) => r.ms === 25_000)?.percent).toBeCloseTo(5);
    expect(slow.find((r) => r.ms === 25_000)?.etaSeconds).toBeCloseTo(475, 0);
  });

  it('counts files when the estimate has no bytes', () => {
    const estimator = new BackupEstimator({ source: 'pre-walk', originalSize: 0, fileCount: 200 });
    expect(estimator.read({ originalSize: 5000, fileCount: 100 }, 20_000).percent).toBeCloseTo(50);
  });

  it('smooths the time left: a burst moves it only part of the way', () => {
    const estimator = new BackupEstimator(lastBackup, { rateWindowMs: 2000, smoothingMs: 8000 });
    // 50 MB/s steadily for 30 s: 1.5 GB done, 8.5 GB left → 170 s.
    const steady = run(estimator, 50_000_000, 30_000);
    const before = steady[steady.length - 1]?.etaSeconds ?? NaN;
    expect(before).toBeCloseTo(170, 0);
    // Then one second at 500 MB/s: the raw estimate would drop to ~17 s at once.
    const after = estimator.read({ originalSize: 2 * GB, fileCount: 0 }, 31_000).etaSeconds ?? NaN;
    expect(after).toBeLessThan(before - 1);
    expect(after).toBeGreaterThan(100);
  });

  it('counts the time left down while the rate holds, read as often as borg reports', () => {
    // Borg reports about five times a second.
    const readings = run(new BackupEstimator(lastBackup), 50_000_000, 60_000, 200);
    const etas = readings.flatMap((r) => (r.etaSeconds === undefined ? [] : [r.etaSeconds]));
    expect(etas.length).toBeGreaterThan(200);
    for (let i = 1; i < etas.length; i++) expect(etas[i]).toBeLessThan(etas[i - 1] ?? Infinity);
    expect(etas[etas.length - 1]).toBeCloseTo(140, 0);
  });

  it('measures afresh after a pause instead of counting the pause into the time left', () => {
    const estimator = new BackupEstimator(lastBackup);
    run(estimator, 50_000_000, 30_000, 200);
    // Borg stands still for two minutes (the heartbeat reads the same counters), then goes on.
    for (let ms = 35_000; ms <= 150_000; ms += 5000)
      estimator.read({ originalSize: 1.5 * GB, fileCount: 0 }, ms);
    let eta = NaN;
    for (let ms = 150_200; ms <= 155_000; ms += 200) {
      const done = 1.5 * GB + (50_000_000 * (ms - 150_000)) / 1000;
      eta = estimator.read({ originalSize: done, fileCount: 0 }, ms).etaSeconds ?? NaN;
    }
    // 8.25 GB left at 50 MB/s: 165 s, not the hours a window with the pause in it would say.
    expect(eta).toBeCloseTo(165, -1);
  });

  it('never says 100 % while borg runs, and says "larger than the estimate" past it', () => {
    const estimator = new BackupEstimator(lastBackup);
    expect(estimator.read({ originalSize: 5 * GB, fileCount: 0 }, 20_000).percent).toBeCloseTo(50);
    expect(estimator.read({ originalSize: 9.999 * GB, fileCount: 0 }, 40_000).percent).toBe(99);
    const past = estimator.read({ originalSize: 10.5 * GB, fileCount: 0 }, 42_000);
    expect(past).toEqual({ beyondEstimate: true });
  });

  it('keeps showing once trusted', () => {
    const estimator = new BackupEstimator(lastBackup);
    expect(estimator.read({ originalSize: 1 * GB, fileCount: 0 }, 20_000).percent).toBeCloseTo(10);
    // Borg's counters never go back, but a reading with the same total later still shows.
    expect(estimator.read({ originalSize: 1 * GB, fileCount: 0 }, 25_000).percent).toBeCloseTo(10);
  });

  it('ignores estimates with nothing to count', () => {
    expect(BackupEstimator.usable({ source: 'pre-walk', originalSize: 0, fileCount: 0 })).toBe(false);
    expect(BackupEstimator.usable(undefined)).toBe(false);
    expect(BackupEstimator.usable(lastBackup)).toBe(true);
  });
});
