import { describe, expect, it } from 'vitest';
import { historyEntryFixture } from '../../../src-main/core/test-support/history-entry-fixture.js';
import { drillDetail, drillLine } from './drill-format.js';

const now = new Date('2026-03-13T10:00:00Z');
const drill = {
  archiveName: 'docs-host-2026-03-10',
  fileCount: 20,
  totalBytes: 35e6,
  identicalCount: 20,
  changedSinceCount: 0,
  summary: '20 files, 35.0 MB restored and identical',
};

describe('drillLine', () => {
  it('says how many files came back identical and when', () => {
    const entry = historyEntryFixture({ id: 'd1', kind: 'drill', finishedAt: '2026-03-10T10:00:00Z', drill });
    expect(drillLine(entry, now)).toBe('20 files identical, 3 days ago');
    expect(drillDetail(entry)).toBe('20 files, 35.0 MB restored and identical (docs-host-2026-03-10)');
    const changed = { ...drill, identicalCount: 17, changedSinceCount: 3 };
    expect(drillLine({ ...entry, drill: changed }, now)).toBe(
      '17 files identical, 3 changed since, 3 days ago',
    );
  });

  it('says a failed test failed, with the file in the detail', () => {
    const entry = historyEntryFixture({
      id: 'd2',
      kind: 'drill',
      status: 'failed',
      finishedAt: '2026-03-13T09:00:00Z',
      error: {
        code: 'RestoreTestFailed',
        message: 'Restore test failed: /home/me/a.txt differs.',
        remedy: 'Check it.',
      },
    });
    expect(drillLine(entry, now)).toBe('Failed 1 hour ago');
    expect(drillDetail(entry)).toBe('Restore test failed: /home/me/a.txt differs. Check it.');
  });
});
