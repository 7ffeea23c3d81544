/**
 * What a queued job waits for, in the UI's language: the running job (by its title), another task
 * of the repository, or the repository's lock (and who holds it). Snapshots without the core's data
 * (older versions) show their English `waitingFor` as sent.
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
      if (words.holderPid === undefined) return i18next.t('core:waiting.lock', { seconds: words.seconds });
      return words.holderHost === undefined
        ? i18next.t('core:coreTextsA.lockWait.heldHere', { seconds: words.seconds, pid: words.holderPid })
        : i18next.t('core:coreTextsA.lockWait.heldOn', {
            seconds: words.seconds,
            pid: words.holderPid,
            host: words.holderHost,
          });
  }
}
