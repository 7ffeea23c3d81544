/**
 * What a queued job waits for, in the UI's language: the running job (by its title), another task
 * of the repository, or the repository's lock. Without the core's data (a lock wait that names the
 * lock's holder) its English `waitingFor` is shown as sent.
 */
import i18next from 'i18next';
import type { JobSnapshot } from '../../../src-main/model/job.js';
import { jobTitleText } from './job-title.js';

/** The waiting line of a job card; undefined when the job does not wait. */
export function waitingText(job: Pick<JobSnapshot, 'waitingFor' | 'waitingWords'>): string | undefined {
  const words = job.waitingWords;
  if (words === undefined) return job.waitingFor;
  switch (words.code) {
    case 'job':
      return i18next.t('core:waiting.job', { title: jobTitleText(words) });
    case 'other-task':
      return i18next.t('core:waiting.other-task');
    case 'lock':
      return i18next.t('core:waiting.lock', { seconds: words.seconds });
  }
}
