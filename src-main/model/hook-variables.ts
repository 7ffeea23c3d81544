/**
 * The BORGDESK_* variables a plan's hook command receives (set in core/plan-runs/hook-env.ts), with
 * the words the plan editor and the README use for them.
 */

/** Which of a plan's hooks runs (the value of BORGDESK_HOOK). */
export type HookName = 'before' | 'after-success' | 'after-failure' | 'always';

/** How the backup went, as a hook is told (BORGDESK_RESULT); `running` for the before hook. */
export type HookResult = 'running' | 'succeeded' | 'warnings' | 'failed' | 'cancelled';

/** Every variable Borgdesk sets for a hook, and what it holds. */
export const HOOK_VARIABLES = [
  { name: 'BORGDESK_HOOK', holds: 'which hook runs: before, after-success, after-failure or always' },
  { name: 'BORGDESK_PLAN_NAME', holds: "the plan's name" },
  { name: 'BORGDESK_PLAN_ID', holds: "the plan's id" },
  { name: 'BORGDESK_REPOSITORY_NAME', holds: "the repository's name in Borgdesk" },
  { name: 'BORGDESK_REPOSITORY_LOCATION', holds: "the repository's path or ssh:// address" },
  { name: 'BORGDESK_ARCHIVE_NAME', holds: 'the archive made (empty before the backup and after a failure)' },
  { name: 'BORGDESK_RESULT', holds: 'running (before), succeeded, warnings, failed or cancelled' },
  { name: 'BORGDESK_ERROR_CODE', holds: "why it failed, as Borgdesk's error code (failure only)" },
  { name: 'BORGDESK_ERROR_MESSAGE', holds: 'why it failed, in words (failure only)' },
  { name: 'BORGDESK_LOG_FILE', holds: "a plain-text copy of the job's log so far, removed after the hook" },
] as const;

/** The name of one of the variables in {@link HOOK_VARIABLES}. */
export type HookVariable = (typeof HOOK_VARIABLES)[number]['name'];
