/**
 * The words of the "Needs attention" card for one overdue plan target: how long since its last good
 * backup and why, in the same phrases the tray tooltip and the desktop notification use.
 */
import i18next from 'i18next';
import type { StaleItemRow } from '../../../src-main/model/app.js';
import { causeLabel, describeCause } from '../../../src-main/model/failure-cause.js';
import { formatAge } from '../../../src-main/model/stale-check.js';

/** What the card shows for one item. */
export interface AttentionText {
  /** "No good backup for 4 days" or "Never backed up (5 days)". */
  readonly age: string;
  /** A short label for the cause chip ("drive not connected"). */
  readonly cause: string;
  /** One or two sentences: what went wrong and what to do. */
  readonly detail: string;
}

/** The card's words for an `app:stale` row. */
export function attentionText(item: StaleItemRow): AttentionText {
  // Called while rendering, so it speaks the language the card is rendered in.
  const t = i18next.getFixedT(null, 'dashboard', 'attention');
  const age = formatAge(item.staleForMs);
  return {
    age: item.lastSuccessAt !== undefined ? t('noGoodBackupFor', { age }) : t('neverBackedUp', { age }),
    cause: item.cause !== undefined ? causeLabel(item.cause) : t('noBackupRan'),
    detail:
      item.cause !== undefined
        ? describeCause(item.cause, item.repoName, item.causeMessage)
        : t('noBackupRanDetail'),
  };
}
