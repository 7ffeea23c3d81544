/**
 * A running job's step in the UI's language. Steps Borgdesk names itself come as a code and its
 * figures (`words`); any other step message is borg's own and is shown as borg wrote it.
 */
import i18next from 'i18next';
import type { StepWords } from '../../../src-main/model/job.js';
import { formatCount } from '../format.js';

/** The words of a step Borgdesk names itself ("Restoring files"). */
export function stepText(words: StepWords): string {
  switch (words.code) {
    case 'restoring-files':
    case 'migrate-creating':
    case 'migrate-counting':
      return i18next.t(`core:coreTextsA.step.${words.code}`);
    case 'migrate-copied':
      return i18next.t('core:coreTextsA.step.migrate-copied', {
        done: formatCount(words.done),
        total: formatCount(words.total),
      });
    case 'migrate-copying':
      return i18next.t('core:coreTextsA.step.migrate-copying', {
        archive: words.archive,
        index: formatCount(words.index),
        total: formatCount(words.total),
      });
  }
}
