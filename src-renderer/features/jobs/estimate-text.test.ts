import { describe, expect, it } from 'vitest';
import type { BackupProgress } from '../../../src-main/model/job.js';
import { estimateRow, stallText, timeLeftText } from './estimate-text.js';

const base: BackupProgress = {
  kind: 'backup',
  fileCount: 100,
  originalSize: 1_000_000_000,
  compressedSize: 0,
  deduplicatedSize: 0,
  currentPath: '',
  elapsedMs: 60_000,
  bytesPerSecond: 1,
  sample: { elapsedMs: 60_000, originalBytesPerSecond: 0, deduplicatedBytesPerSecond: 0 },
};
const fromLast = {
  ...base,
  estimateSource: 'previous-archive',
  estimatedSize: 4_100_000_000,
  estimatedFileCount: 52_000,
} as const;

describe('estimate text', () => {
  it('shows percent, time left and the basis of the estimate', () => {
    expect(estimateRow({ ...fromLast, percent: 24.6, etaSeconds: 185 })).toEqual({
      percent: 24,
      text: '24 % · about 3 min left',
      basis: 'Based on the last backup: 4.1 GB, 52,000 files',
    });
  });

  it('says when the estimate is not trustworthy yet, or outgrown', () => {
    expect(estimateRow(fromLast)?.text).toBe('Estimating the time left…');
    expect(estimateRow({ ...fromLast, beyondEstimate: true })).toMatchObject({
      text: 'Larger than last time, time left unknown',
    });
    expect(estimateRow({ ...fromLast, estimateSource: 'pre-walk', beyondEstimate: true })?.text).toBe(
      'Larger than estimated, time left unknown',
    );
    expect(estimateRow(base)).toBeUndefined();
  });

  it('rounds time left for people', () => {
    expect(timeLeftText(20)).toBe('less than a minute left');
    expect(timeLeftText(89 * 60)).toBe('about 89 min left');
    expect(timeLeftText(2 * 3600 + 5 * 60)).toBe('about 2 h 5 min left');
  });

  it('names a stall in whole minutes', () => {
    expect(stallText(base)).toBeUndefined();
    expect(stallText({ ...base, stalledForMs: 125_000 })).toBe('No progress for 2 minutes');
  });
});
