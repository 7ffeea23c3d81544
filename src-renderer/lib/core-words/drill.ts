/**
 * A restore drill's result in the UI's language ("20 files, 35.0 MB restored and identical"), from
 * the numbers the core records with it. The core's own `summary` (English) stays for its logs; every
 * recorded drill has the numbers, so entries from before this still get words.
 */
import i18next from 'i18next';
import type { DrillResult } from '../../../src-main/model/drill.js';
import { formatBytes, formatCount } from '../format.js';

/** The drill's result in one line. */
export function drillSummaryText(drill: DrillResult): string {
  const restored = i18next.t('core:drill.restored', {
    count: drill.fileCount,
    size: formatBytes(drill.totalBytes),
  });
  if (drill.changedSinceCount === 0) return i18next.t('core:drill.allIdentical', { restored });
  if (drill.identicalCount === 0) {
    return i18next.t('core:drill.noneCompared', { restored, count: drill.changedSinceCount });
  }
  return i18next.t('core:drill.someChanged', {
    restored,
    identical: formatCount(drill.identicalCount),
    changed: formatCount(drill.changedSinceCount),
  });
}
