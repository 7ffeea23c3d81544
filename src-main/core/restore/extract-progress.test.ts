import { describe, expect, it } from 'vitest';
import { ExtractProgressTracker } from './extract-progress.js';

// Events as `borg --log-json extract --progress` (1.2.4) printed them.
const calculating = {
  type: 'progress_percent' as const,
  msgid: 'extract',
  message: 'Calculating total archive size for the progress indicator (might take long for large archives)',
  current: 0,
  total: 0,
  finished: false,
};
const extracting = (current: number, file: string) => ({
  type: 'progress_percent' as const,
  msgid: 'extract',
  message: `x% Extracting: ${file}`,
  current,
  total: 1000,
  info: [file],
  finished: false,
});

describe('ExtractProgressTracker', () => {
  it('turns extract events into step progress with bytes, file and, after 2 s, an estimate', () => {
    const t = new ExtractProgressTracker();
    expect(t.accept(calculating, 10)).toEqual({ kind: 'step', message: calculating.message, elapsedMs: 10 });
    expect(t.accept(extracting(100, 'home/a b'), 500)).toEqual({
      kind: 'step',
      message: 'Restoring files',
      words: { code: 'restoring-files' },
      percent: 10,
      elapsedMs: 500,
      bytesDone: 100,
      bytesTotal: 1000,
      currentPath: 'home/a b',
    });
    expect(t.accept(extracting(200, 'home/c'), 1500)).not.toHaveProperty('etaSeconds');
    // 400 bytes in 4 s since the first file: 100 B/s, 500 bytes left.
    const later = t.accept(extracting(500, 'home/d'), 4500);
    expect(later).toMatchObject({ percent: 50, etaSeconds: 5, currentPath: 'home/d' });
    expect(later && t.render(later)).toEqual(later);
    expect(t.accept({ type: 'progress_percent', msgid: 'extract', finished: true }, 5000)).toBeUndefined();
    expect(t.accept({ type: 'log_message', level: 'WARNING', message: 'x' }, 5000)).toBeUndefined();
  });
});
