import { describe, expect, it } from 'vitest';
import { backupSummary, formatBytes, formatDuration, restoreSummary, warningSummary } from './job-summary.js';

describe('job summaries', () => {
  it('formats bytes and durations the way borg prints them', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1234)).toBe('1.23 kB');
    expect(formatBytes(300_000_000)).toBe('300 MB');
    expect(formatBytes(1_234_567_890)).toBe('1.23 GB');
    expect(formatDuration(12.34)).toBe('12.3 s');
    expect(formatDuration(245)).toBe('4 min 05 s');
    expect(formatDuration(3725)).toBe('1 h 02 min');
  });

  it('summarises a backup and a restore', () => {
    expect(
      backupSummary({
        id: 'x',
        name: 'host-1',
        start: '2024-05-01T10:00:00',
        fileCount: 1234,
        originalSize: 1_200_000_000,
        deduplicatedSize: 300_000_000,
        durationSeconds: 12.3,
      }),
    ).toBe('Archive host-1: 1,234 files, 1.20 GB original, 300 MB deduplicated, 12.3 s');
    expect(backupSummary({ id: 'x', name: 'bare', start: 's' })).toBe('Archive bare created.');
    expect(
      restoreSummary({ targetDir: '/t', fileCount: 1, totalBytes: 2_500_000, skippedCount: 2, warnings: [] }),
    ).toBe('Restored 1 file (2.50 MB) into /t; 2 existing files left unchanged.');
    expect(warningSummary([])).toBeUndefined();
    expect(warningSummary(['a', 'b'])).toBe('Finished with 2 warnings (listed above).');
  });
});
