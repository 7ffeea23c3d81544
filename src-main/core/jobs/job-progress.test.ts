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

  it('ignores log lines', () => {
    const t = new JobProgressTracker();
    expect(t.accept({ type: 'log_message', level: 'INFO', message: 'hi' }, 1)).toBeUndefined();
  });
});
