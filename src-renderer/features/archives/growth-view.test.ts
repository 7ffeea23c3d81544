import { describe, expect, it } from 'vitest';
import type { GrowthReport } from '../../../src-main/model/archive-growth.js';
import {
  comparedWith,
  fileCountsText,
  folderSteps,
  nextSort,
  pathWithin,
  signedBytes,
  sortRows,
  summaryText,
} from './growth-view.js';

const counts = {
  grownBytes: 0,
  shrunkBytes: 0,
  netBytes: 0,
  addedFiles: 0,
  changedFiles: 0,
  removedFiles: 0,
};

describe('growth view helpers', () => {
  it('sorts by a column either way and keeps the given order among ties', () => {
    const rows = [
      { path: 'a', n: 2 },
      { path: 'b', n: 5 },
      { path: 'c', n: 2 },
    ];
    const value = (row: { n: number }): number => row.n;
    expect(sortRows(rows, { key: 'n', direction: 'desc' }, value).map((r) => r.path)).toEqual([
      'b',
      'a',
      'c',
    ]);
    expect(sortRows(rows, { key: 'n', direction: 'asc' }, value).map((r) => r.path)).toEqual(['a', 'c', 'b']);
    expect(nextSort({ key: 'n', direction: 'desc' }, 'n')).toEqual({ key: 'n', direction: 'asc' });
    expect(nextSort({ key: 'n', direction: 'asc' }, 'm')).toEqual({ key: 'm', direction: 'desc' });
  });

  it('writes sizes with their sign and file counts in words', () => {
    expect(signedBytes(4_200_000_000)).toBe('+4.2 GB');
    expect(signedBytes(-300)).toBe('−300 B');
    expect(signedBytes(0)).toBe('±0 B');
    expect(fileCountsText({ ...counts, addedFiles: 12, changedFiles: 3, removedFiles: 1 })).toBe(
      '12 files added, 3 changed, 1 removed',
    );
    expect(fileCountsText({ ...counts, changedFiles: 1 })).toBe('1 file changed');
    expect(fileCountsText(counts)).toBe('no file changed');
    expect(summaryText({ ...counts, grownBytes: 200_000, addedFiles: 1 })).toBe(
      '200.0 kB added or grown; 1 file added.',
    );
    expect(summaryText({ ...counts, grownBytes: 5, shrunkBytes: 2_000, changedFiles: 2 })).toBe(
      '5 B added or grown, 2.0 kB removed or shrunk; 2 files changed.',
    );
  });

  it('says what the archive is compared with', () => {
    const report: GrowthReport = {
      archive: { name: 'docs-2', id: 'b', start: '2024-05-02T10:00:00' },
      against: { name: 'docs-1', id: 'a', start: '2024-05-01T10:00:00' },
      sameSeries: true,
      folder: '',
      totals: counts,
      folders: [],
      files: [],
      foldersTruncated: false,
      filesTruncated: false,
    };
    const date = (iso: string): string => iso.slice(0, 10);
    expect(comparedWith(report, date)).toBe('since docs-1 (2024-05-01)');
    expect(comparedWith({ ...report, sameSeries: false }, date)).toBe(
      'since docs-1 (2024-05-01), the previous archive',
    );
    expect(comparedWith({ ...report, against: null }, date)).toMatch(/no older archive/);
  });

  it('splits a folder into breadcrumb steps and shows paths below the current folder', () => {
    expect(folderSteps('')).toEqual([]);
    expect(folderSteps('home/you')).toEqual([
      { name: 'home', path: 'home' },
      { name: 'you', path: 'home/you' },
    ]);
    expect(pathWithin('home/you/Videos/2024', 'home/you')).toBe('Videos/2024');
    expect(pathWithin('home/yours', 'home/you')).toBe('home/yours');
    expect(pathWithin('etc', '')).toBe('etc');
  });
});
