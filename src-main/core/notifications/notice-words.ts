/**
 * The sentences notifications and the tray tooltip say about failures and stale plans, in the
 * desktop words' language. The English matches src-main/model/failure-cause.ts and stale-check.ts
 * word for word (the tests compare them), which stay English for logs.
 */
import type { FailureCause } from '../../model/failure-cause.js';
import type { StaleItem } from '../../model/stale-check.js';
import { ENGLISH_WORDS, type DesktopWords } from '../i18n/desktop-words.js';

/** "3 days" / "26 hours": whole units, rounded down, never "0" (as formatAge in stale-check.ts). */
export function ageText(ms: number, words: DesktopWords = ENGLISH_WORDS): string {
  const hours = Math.max(1, Math.floor(ms / 3_600_000));
  if (hours < 48) return words.t('age.hours', { count: hours });
  return words.t('age.days', { count: Math.floor(hours / 24) });
}

/** A short noun phrase for tooltips ("wrong passphrase"). */
export function causeLabelText(cause: FailureCause, words: DesktopWords = ENGLISH_WORDS): string {
  return words.t(`cause.label.${cause}`);
}

/** One sentence saying what went wrong with `repoName` and what to do. */
export function causeText(
  cause: FailureCause,
  repoName: string,
  borgMessage?: string,
  words: DesktopWords = ENGLISH_WORDS,
): string {
  if (cause === 'borg-error' && borgMessage !== undefined && borgMessage.trim() !== '')
    return words.t('cause.describe.borg-error-message', {
      repo: repoName,
      message: shorten(borgMessage.trim(), 160),
    });
  return words.t(`cause.describe.${cause}`, { repo: repoName });
}

/** The notification body for a stale item, naming the cause. */
export function staleText(item: StaleItem, words: DesktopWords = ENGLISH_WORDS): string {
  const age = ageText(item.staleForMs, words);
  const when =
    item.lastSuccessAt === undefined
      ? words.t('notice.stale.never', { label: item.label, age })
      : words.t('notice.stale.notFor', { label: item.label, age });
  if (item.cause === undefined) return words.t('notice.stale.noRun', { when });
  const cause = causeText(item.cause, item.repoName, item.causeMessage, words);
  return words.t('notice.stale.withCause', { when, cause });
}

/** One tooltip line for a stale item ("Documents: no backup for 4 days, wrong passphrase"). */
export function staleLine(item: StaleItem, words: DesktopWords = ENGLISH_WORDS): string {
  const age = ageText(item.staleForMs, words);
  if (item.cause === undefined) return words.t('tray.stale', { label: item.label, age });
  return words.t('tray.staleWithCause', { label: item.label, age, cause: causeLabelText(item.cause, words) });
}

function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
