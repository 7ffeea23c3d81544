import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillResult } from '../../../src-main/model/drill.js';
import { drillSummaryText } from './drill.js';

const drill = (fileCount: number, identicalCount: number, changedSinceCount: number): DrillResult => ({
  archiveName: 'a',
  fileCount,
  totalBytes: 35_000_000,
  identicalCount,
  changedSinceCount,
  summary: '',
});

describe('drillSummaryText', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('words a drill in English as the core does', () => {
    expect(drillSummaryText(drill(20, 20, 0))).toBe('20 files, 35.0 MB restored and identical');
    expect(drillSummaryText(drill(1, 0, 1))).toBe(
      '1 file, 35.0 MB restored; its source changed since the backup',
    );
    expect(drillSummaryText(drill(2, 0, 2))).toBe(
      '2 files, 35.0 MB restored; their sources changed since the backup',
    );
    expect(drillSummaryText(drill(20, 18, 2))).toBe(
      '20 files, 35.0 MB restored: 18 identical, 2 with the source changed since',
    );
  });

  it('words it in German', async () => {
    await i18next.changeLanguage('de');
    expect(drillSummaryText(drill(20, 18, 2))).toBe(
      '20 Dateien, 35.0 MB wiederhergestellt: 18 identisch, 2 mit seither geänderter Quelle',
    );
  });
});
