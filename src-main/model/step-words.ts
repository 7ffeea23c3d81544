/**
 * The English of the steps Borgdesk names itself (see `stepWordsSchema`), which the core keeps for
 * the job log. It must match `coreTextsA.step` in the renderer's `core` catalog (a renderer test
 * compares them).
 */
import type { StepWords } from './job.js';

/** A step's English, from its code and figures. */
export function stepEnglish(words: StepWords): string {
  switch (words.code) {
    case 'restoring-files':
      return 'Restoring files';
    case 'migrate-creating':
      return 'Creating the borg 2 repository…';
    case 'migrate-counting':
      return 'Counting the archives to copy…';
    case 'migrate-copied':
      return `Copied ${words.done} of ${words.total} archives`;
    case 'migrate-copying':
      return `Copying ${words.archive} (archive ${words.index} of ${words.total})`;
  }
}

/** A step's `message` (English) and `words`, to spread into a progress event or a step. */
export function stepMessage(words: StepWords): { readonly message: string; readonly words: StepWords } {
  return { message: stepEnglish(words), words };
}
