/**
 * The words of the "Needs attention" card for a config notice: what Borgdesk did with one of its
 * files (set entries aside, started empty, opened it read-only, failed to save) and where the
 * original is, so nothing the user made seems to vanish without a trace.
 */
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

const NOUNS: Readonly<Record<ConfigNotice['file'], readonly [string, string]>> = {
  plans: ['plan', 'plans'],
  repositories: ['repository', 'repositories'],
  checks: ['check schedule', 'check schedules'],
  settings: ['setting', 'settings'],
};

/** The card's words for a notice from `app:status`. */
export function configNoticeText(notice: ConfigNotice): ConfigNoticeText {
  const [one, many] = NOUNS[notice.file];
  const fileName = notice.path.split(/[\\/]/).pop() ?? notice.path;
  switch (notice.kind) {
    case 'entries-set-aside': {
      const count = notice.count ?? 1;
      const it = count === 1 ? 'it' : 'them';
      const named = configNoticeNames(notice).length > 0 ? ` (${quoteAll(configNoticeNames(notice))})` : '';
      const pending = notice.keptAt === notice.path;
      const what =
        notice.file === 'settings'
          ? `Borgdesk reset ${count === 1 ? 'it' : 'them'}${named} to the default and kept your other settings.`
          : `Borgdesk set ${it} aside${named} and kept everything else. ${count === 1 ? 'It' : 'They'} may come from a newer Borgdesk or a hand edit.`;
      return {
        title: `${count} ${count === 1 ? one : many} could not be read`,
        chip: 'set aside',
        detail: pending
          ? `${what} The set-aside copy could not be written${notice.detail ? ` (${notice.detail})` : ''}, so ${fileName} is left as it is until it can.`
          : what,
        keptLabel: pending ? 'Still in' : 'The original is kept in',
      };
    }
    case 'unreadable':
      return {
        title: `${fileName} could not be read`,
        chip: 'unreadable',
        detail:
          `${configNoticeDetail(notice) ?? 'It is damaged.'} Borgdesk started with ${notice.file === 'settings' ? 'the default settings' : `no ${many}`}.` +
          (notice.keptAt === notice.path
            ? ` It leaves the file as it is and won't save changes to ${many}.`
            : ''),
        keptLabel: notice.keptAt === notice.path ? 'The file is' : 'The original is kept in',
      };
    case 'newer-version':
      return {
        title: `${fileName} is from a newer Borgdesk`,
        chip: 'read-only',
        detail:
          `Borgdesk uses the ${many} it understands${notice.count ? ` (${notice.count} it could not read are left out)` : ''}` +
          ` but won't save changes to ${many} until you update Borgdesk. The file is never written over.`,
        keptLabel: 'The file is',
      };
    case 'write-failed':
      return {
        title: `Changes to ${many} could not be saved`,
        chip: 'not saved',
        detail: notice.detail ?? `Borgdesk could not write ${fileName}.`,
      };
  }
}

function quoteAll(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}
