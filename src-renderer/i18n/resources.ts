/**
 * The catalogs, one namespace per feature folder (plus common, components, errors and core: the words
 * for what the core sends as codes). English is the source; German must have exactly its keys, which
 * the type below checks at compile time, so a missing German string fails the build.
 */
import en_common from './locales/en/common.json';
import en_components from './locales/en/components.json';
import en_errors from './locales/en/errors.json';
import en_core from './locales/en/core.json';
import en_archives from './locales/en/archives.json';
import en_compare from './locales/en/compare.json';
import en_dashboard from './locales/en/dashboard.json';
import en_drills from './locales/en/drills.json';
import en_folders from './locales/en/folders.json';
import en_history from './locales/en/history.json';
import en_jobs from './locales/en/jobs.json';
import en_keys from './locales/en/keys.json';
import en_plans from './locales/en/plans.json';
import en_questions from './locales/en/questions.json';
import en_repositories from './locales/en/repositories.json';
import en_restore from './locales/en/restore.json';
import en_settings from './locales/en/settings.json';
import en_setup from './locales/en/setup.json';
import en_shell from './locales/en/shell.json';
import en_sshKeys from './locales/en/sshKeys.json';
import en_welcome from './locales/en/welcome.json';
import de_common from './locales/de/common.json';
import de_components from './locales/de/components.json';
import de_errors from './locales/de/errors.json';
import de_core from './locales/de/core.json';
import de_archives from './locales/de/archives.json';
import de_compare from './locales/de/compare.json';
import de_dashboard from './locales/de/dashboard.json';
import de_drills from './locales/de/drills.json';
import de_folders from './locales/de/folders.json';
import de_history from './locales/de/history.json';
import de_jobs from './locales/de/jobs.json';
import de_keys from './locales/de/keys.json';
import de_plans from './locales/de/plans.json';
import de_questions from './locales/de/questions.json';
import de_repositories from './locales/de/repositories.json';
import de_restore from './locales/de/restore.json';
import de_settings from './locales/de/settings.json';
import de_setup from './locales/de/setup.json';
import de_shell from './locales/de/shell.json';
import de_sshKeys from './locales/de/sshKeys.json';
import de_welcome from './locales/de/welcome.json';

export const enResources = {
  common: en_common,
  components: en_components,
  errors: en_errors,
  core: en_core,
  archives: en_archives,
  compare: en_compare,
  dashboard: en_dashboard,
  drills: en_drills,
  folders: en_folders,
  history: en_history,
  jobs: en_jobs,
  keys: en_keys,
  plans: en_plans,
  questions: en_questions,
  repositories: en_repositories,
  restore: en_restore,
  settings: en_settings,
  setup: en_setup,
  shell: en_shell,
  sshKeys: en_sshKeys,
  welcome: en_welcome,
} as const;

/** The same keys as `T`, every leaf a string: what a translation of the English catalogs must be. */
export type CatalogOf<T> = { readonly [K in keyof T]: T[K] extends string ? string : CatalogOf<T[K]> };

export const deResources: CatalogOf<typeof enResources> = {
  common: de_common,
  components: de_components,
  errors: de_errors,
  core: de_core,
  archives: de_archives,
  compare: de_compare,
  dashboard: de_dashboard,
  drills: de_drills,
  folders: de_folders,
  history: de_history,
  jobs: de_jobs,
  keys: de_keys,
  plans: de_plans,
  questions: de_questions,
  repositories: de_repositories,
  restore: de_restore,
  settings: de_settings,
  setup: de_setup,
  shell: de_shell,
  sshKeys: de_sshKeys,
  welcome: de_welcome,
};

export type Namespace = keyof typeof enResources;
export const NAMESPACES = Object.keys(enResources) as Namespace[];
