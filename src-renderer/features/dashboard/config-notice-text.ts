/**
 * The words of the "Needs attention" card for a config notice: what Borgdesk did with one of its
 * files (set entries aside, started empty, opened it read-only, failed to save) and where the
 * original is, so nothing the user made seems to vanish without a trace.
 */
import i18next from 'i18next';
import type { ConfigNotice } from '../../../src-main/model/app.js';
import { configNoticeDetail, configNoticeNames } from '../../lib/core-words/config-notice.js';

/** What the card shows for one notice. */
export interface ConfigNoticeText {
  /** "1 plan could not be read". */
  readonly title: string;
  /** A short label for the chip ("set aside"). */
  readonly chip: string;
  /** One or two sentences: what Borgdesk did and what it means. */
  readonly detail: string;
  /** "The original is kept in", followed by the path in the card; absent when there is no copy. */
  readonly keptLabel?: string;
}

/** The card's words for a notice from `app:status` (called while rendering, in the UI's language). */
export function configNoticeText(notice: ConfigNotice): ConfigNoticeText {
  const t = i18next.getFixedT(null, 'dashboard', 'configNotice');
  const file = notice.file;
  const fileName = notice.path.split(/[\\/]/).pop() ?? notice.path;
  switch (notice.kind) {
    case 'entries-set-aside': {
      const count = notice.count ?? 1;
      const named =
        configNoticeNames(notice).length > 0
          ? t('named', {
              names: configNoticeNames(notice)
                .map((name) => t('quoted', { name }))
                .join(t('namesSeparator')),
            })
          : '';
      const pending = notice.keptAt === notice.path;
      const what =
        file === 'settings'
          ? t('setAside.settingsReset', { count, named })
          : t('setAside.entries', { count, named });
      const reason = notice.detail ? t('setAside.pendingReason', { detail: notice.detail }) : '';
      return {
        title: t(`setAside.title.${file}`, { count }),
        chip: t('setAside.chip'),
        detail: pending ? t('setAside.pending', { what, reason, file: fileName }) : what,
        keptLabel: pending ? t('stillIn') : t('keptIn'),
      };
    }
    case 'unreadable': {
      const readOnly = notice.keptAt === notice.path;
      const sentences = [
        configNoticeDetail(notice) ?? t('unreadable.damaged'),
        t(`unreadable.startedWith.${file}`),
      ];
      if (readOnly) sentences.push(t(`unreadable.leftAsIs.${file}`));
      return {
        title: t('unreadable.title', { file: fileName }),
        chip: t('unreadable.chip'),
        detail: sentences.join(' '),
        keptLabel: readOnly ? t('fileIs') : t('keptIn'),
      };
    }
    case 'newer-version': {
      const leftOut = notice.count ? t('newer.leftOut', { count: notice.count }) : '';
      return {
        title: t('newer.title', { file: fileName }),
        chip: t('newer.chip'),
        detail: t(`newer.detail.${file}`, { leftOut }),
        keptLabel: t('fileIs'),
      };
    }
    case 'write-failed':
      return {
        title: t(`writeFailed.title.${file}`),
        chip: t('writeFailed.chip'),
        detail: notice.detail ?? t('writeFailed.detail', { file: fileName }),
      };
  }
}
