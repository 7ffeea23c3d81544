/**
 * Job titles: each one a code and the names it mentions (sent to the renderer, which words it in the
 * user's language) plus its English, which the core keeps for logs, desktop notifications and the
 * history file. The English here must match `jobTitle` in the renderer's `core` catalog (a renderer
 * test compares them).
 */
import type { JobTitleCode, JobTitleParams, JobTitleWords } from './job.js';

const ENGLISH: { readonly [C in JobTitleCode]: (p: JobTitleParams) => string } = {
  backup: (p) => `Back up to ${p.repo}`,
  'plan-backup': (p) => `${p.plan}: back up to ${p.repo}`,
  'plan-prune': (p) => `${p.plan}: prune old archives in ${p.repo}`,
  compact: (p) => `Compact ${p.repo}`,
  'plan-compact': (p) => `${p.plan}: compact ${p.repo}`,
  init: (p) => `Create ${p.repo}`,
  delete: (p) => `Delete ${p.archive} from ${p.repo}`,
  check: (p) => `Check ${p.repo} (${p.mode})`,
  recompress: (p) => `Recompress ${p.repo} (${p.compression})`,
  restore: (p) => `Restore from ${p.archive}`,
  'save-copy': (p) => `Save a copy of ${p.name}`,
  'mount-archive': (p) => `Mount ${p.archive}`,
  'mount-all': (p) => `Mount every archive of ${p.repo}`,
  unmount: (p) => `Unmount ${p.path}`,
  rename: (p) => `Rename ${p.archive} to ${p.newName}`,
  comment: (p) => `Set the comment of ${p.archive}`,
  undelete: (p) => `Undelete ${p.archive}`,
  tag: (p) => `Change the tags of ${p.archive}`,
  'break-lock': () => 'Break the repository lock',
  'key-export': (p) => `Export the key (${p.format})`,
  'key-import': () => 'Import the key',
  'change-passphrase': () => 'Change the passphrase',
  'repo-space-free': () => 'Free the reserved space',
  'repo-space-reserve': (p) => `Reserve ${p.amount} of space`,
  migrate: (p) => `Migrate ${p.repo} to borg 2`,
  drill: (p) => `Test a restore from ${p.repo}`,
  'plan-drill': (p) => `Test a restore of ${p.plan}`,
};

/** A title's English, from its code and names. */
export function englishJobTitle(words: JobTitleWords): string {
  return ENGLISH[words.code](words.params);
}

/** A job's `title` (English) and `titleWords` (its code and names), to spread into a job spec. */
export function jobTitle(
  code: JobTitleCode,
  params: JobTitleParams = {},
): { readonly title: string; readonly titleWords: JobTitleWords } {
  const titleWords = { code, params };
  return { title: englishJobTitle(titleWords), titleWords };
}
