/** Plain words about who holds a repository's lock (see src-main/model/lock.ts). */
import i18next from 'i18next';
import type { LockHolder, LockReport } from '../../../src-main/model/lock.js';

/** One sentence about one holder: which process, where, since when, and whether it still runs. */
export function describeHolder(holder: LockHolder, formatTime: (iso: string) => string): string {
  const t = i18next.getFixedT(null, 'jobs');
  const mode = holder.mode === 'shared' ? t('lock.reading') : t('lock.writing');
  const values = { pid: holder.pid, host: holder.hostname, mode };
  const since = holder.since === undefined ? undefined : formatTime(holder.since);
  if (!holder.thisComputer) {
    return since === undefined ? t('lock.otherHost', values) : t('lock.otherHostSince', { ...values, since });
  }
  const state = holder.stale ? t('lock.stale') : t('lock.running');
  return since === undefined
    ? t('lock.thisComputer', { ...values, state })
    : t('lock.thisComputerSince', { ...values, state, since });
}

/** What the lock card says when it has no holder to name. */
export function reportSummary(report: LockReport | undefined, borgMessage: string): string | undefined {
  if (report === undefined) return undefined;
  const t = i18next.getFixedT(null, 'jobs');
  if (!report.readable) {
    return t('lock.borgSaid', { reason: report.reason ?? t('lock.unreadable'), message: borgMessage });
  }
  if (!report.locked) return t('lock.gone');
  if (report.holders.length === 0) return t('lock.noProcess');
  return undefined;
}
