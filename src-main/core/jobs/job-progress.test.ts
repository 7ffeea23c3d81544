import { describe, expect, it } from 'vitest';
import { JobProgressTracker } from './job-progress.js';

describe('JobProgressTracker', () => {
  it('turns archive_progress into backup progress and ignores the closing event', () => {
    const t = new JobProgressTracker();
    const u = t.accept({ type: 'archive_progress', originalSize: 1000, nfiles: 3, path: 'a' }, 500);
    expect(u).toEqual({ kind: 'backup' });
    expect(t.accept({ type: 'archive_progress', finished: true }, 600)).toBeUndefined();
    const p = t.render({ kind: 'backup' });
    expect(p).toMatchObject({
      kind: 'backup',
      originalSize: 1000,
      fileCount: 3,
      currentPath: 'a',
      elapsedMs: 500,
    });
  });

  it('reports steps with a percentage before the backup starts, and not after', () => {
    const t = new JobProgressTracker();
    expect(
      t.accept({ type: 'progress_percent', finished: false, message: 'Syncing', current: 1, total: 4 }, 10),
    ).toEqual({ kind: 'step', message: 'Syncing', percent: 25, elapsedMs: 10 });
    expect(t.accept({ type: 'progress_message', finished: false, message: 'Loading' }, 20)).toEqual({
      kind: 'step',
      message: 'Loading',
      elapsedMs: 20,
    });
    expect(t.accept({ type: 'progress_message', finished: true }, 30)).toBeUndefined();
    t.accept({ type: 'archive_progress', originalSize: 1 }, 40);
    expect(
      t.accept({ type: 'progress_message', finished: false, message: 'Saving files cache' }, 50),
    ).toBeUndefined();
  });

  it('adds percent, time left and the estimate once trustworthy', () => {
    const t = new JobProgressTracker({
      estimate: { current: () => ({ source: 'previous-archive', originalSize: 1000, fileCount: 10 }) },
    });
    t.accept({ type: 'archive_progress', originalSize: 100, nfiles: 1 }, 5_000);
    expect(t.render({ kind: 'backup' })).toMatchObject({
      estimateSource: 'previous-archive',
      estimatedSize: 1000,
      estimatedFileCount: 10,
    });
    expect(t.render({ kind: 'backup' })).not.toHaveProperty('percent');
    t.accept({ type: 'archive_progress', originalSize: 400, nfiles: 4 }, 20_000);
    const p = t.render({ kind: 'backup' });
    expect(p).toMatchObject({ percent: 40 });
    expect(p.kind === 'backup' ? p.etaSeconds : undefined).toBeGreaterThan(0);
  });

  it('says the backup stalled once the counters stand still long enough, and clears when they move', () => {
    const t = new JobProgressTracker({ stallAfterMs: 120_000 });
    // Nothing to report before the backup started.
    expect(t.tick(200_000)).toBeUndefined();
    t.accept({ type: 'archive_progress', originalSize: 100, nfiles: 1, path: 'a' }, 1_000);
    expect(t.tick(60_000)).toBeUndefined();
    // Borg repeats the same counters (one large file read slowly would change them): still stalled.
    t.accept({ type: 'archive_progress', originalSize: 100, nfiles: 1, path: 'a' }, 90_000);
    expect(t.tick(120_000)).toBeUndefined();
    const update = t.tick(121_000);
    expect(update).toEqual({ kind: 'backup' });
    const stalled = t.render({ kind: 'backup' });
    expect(stalled).toMatchObject({ stalledForMs: 120_000, elapsedMs: 121_000, bytesPerSecond: 0 });
    expect(t.render(t.tick(181_000) ?? { kind: 'backup' })).toMatchObject({ stalledForMs: 180_000 });
    t.accept({ type: 'archive_progress', originalSize: 200, nfiles: 2, path: 'b' }, 182_000);
    expect(t.render({ kind: 'backup' })).not.toHaveProperty('stalledForMs');
    expect(t.tick(200_000)).toBeUndefined();
  });

  it('ignores log lines', () => {
    const t = new JobProgressTracker();
    expect(t.accept({ type: 'log_message', level: 'INFO', message: 'hi' }, 1)).toBeUndefined();
  });
});
