/**
 * The environment a plan's hook command gets: the host's own, without any passphrase, plus
 * BORGDESK_* variables that tell the command which plan, repository, archive and outcome it runs
 * for. Pure, so tests can prove exactly what a hook sees. model/hook-variables.ts lists them.
 */
import { BORG_SECRET_VARS } from '../../borg/env.js';
import { HOOK_VARIABLES, type HookName, type HookResult } from '../../model/hook-variables.js';

export type { HookName, HookResult } from '../../model/hook-variables.js';

/** What a hook is told about the run it belongs to. */
export interface HookContext {
  readonly hook: HookName;
  readonly planId: string;
  readonly planName: string;
  readonly repositoryName: string;
  readonly repositoryLocation: string;
  /** The archive made; unknown before the backup (every plan's name template holds {now}). */
  readonly archiveName?: string;
  readonly result: HookResult;
  /** Why the backup failed (a failed or cancelled run). */
  readonly error?: { readonly code: string; readonly message: string };
  /** A plain-text copy of the job's log so far. */
  readonly logFile: string;
}

// Any variable that could carry a passphrase, also ones borg may add later (BORG_*PASS*).
const PASSPHRASE_LIKE = /^BORG_\w*PASS/;

/** The hook's complete environment: `parentEnv` without secrets or stale BORGDESK_* values, plus the context. */
export function buildHookEnv(
  parentEnv: Readonly<NodeJS.ProcessEnv>,
  context: HookContext,
): Record<string, string> {
  const ours = new Set<string>(HOOK_VARIABLES.map((v) => v.name));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(parentEnv)) {
    if (value === undefined || ours.has(key)) continue;
    if (BORG_SECRET_VARS.includes(key) || PASSPHRASE_LIKE.test(key)) continue;
    env[key] = value;
  }
  env['BORGDESK_HOOK'] = context.hook;
  env['BORGDESK_PLAN_NAME'] = context.planName;
  env['BORGDESK_PLAN_ID'] = context.planId;
  env['BORGDESK_REPOSITORY_NAME'] = context.repositoryName;
  env['BORGDESK_REPOSITORY_LOCATION'] = context.repositoryLocation;
  env['BORGDESK_ARCHIVE_NAME'] = context.archiveName ?? '';
  env['BORGDESK_RESULT'] = context.result;
  if (context.error !== undefined) {
    env['BORGDESK_ERROR_CODE'] = context.error.code;
    env['BORGDESK_ERROR_MESSAGE'] = context.error.message;
  }
  env['BORGDESK_LOG_FILE'] = context.logFile;
  return env;
}
