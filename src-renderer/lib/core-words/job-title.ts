/**
 * A job's title in the UI's language. The core sends it as a code and the names it mentions
 * (`titleWords`); history entries recorded before that carry only their English `title`, which is
 * shown as it is.
 */
import i18next from 'i18next';
import type { JobTitleWords } from '../../../src-main/model/job.js';

/** What a job snapshot or a history entry says about its title. */
export interface TitledJob {
  readonly title: string;
  readonly titleWords?: JobTitleWords;
}

/** The title of a job or history entry, in words ("Back up to Documents"). */
export function jobTitleText(job: TitledJob): string {
  const words = job.titleWords;
  if (words === undefined) return job.title;
  return i18next.t(`core:jobTitle.${words.code}`, words.params);
}
