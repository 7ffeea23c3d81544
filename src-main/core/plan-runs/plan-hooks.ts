/**
 * A plan's hooks around its backup: "before" (a failure skips the backup), then "after success" or
 * "after failure" (a failed or cancelled backup), then "always". Each is the user's own command with
 * its own time limit and the run's context in BORGDESK_* variables (hook-env.ts); its output goes
 * into the job log. A hook that fails turns a succeeded backup into a warning, never a failure into
 * a success; the backup's own failure is re-thrown once the failure hooks have run.
 *
 * BORGDESK_LOG_FILE: before each hook, the job's log so far is written as plain text to a file in a
 * fresh private temp folder (mode 0700, the file 0600), removed as soon as the hook has ended.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runHookCommand } from '../../borg/hook-command.js';
import type { LogEntry } from '../../model/job.js';
import type { HookCommand, Plan } from '../../model/plan.js';
import { AppError } from '../app-error.js';
import type { JobRunContext, JobRunOutcome } from '../jobs/job-manager.js';
import { serializeError } from '../serialize-error.js';
import { buildHookEnv, type HookContext, type HookName, type HookResult } from './hook-env.js';

/** The run the hooks belong to. */
export interface PlanHookRun {
  readonly plan: Plan;
  readonly repository: { readonly name: string; readonly location: string };
  /** The host's environment, which every hook inherits (without passphrases). */
  readonly env: Readonly<NodeJS.ProcessEnv>;
}

const LABELS: Readonly<Record<HookName, string>> = {
  before: 'Before command',
  'after-success': 'After-success command',
  'after-failure': 'After-failure command',
  always: 'Always-run command',
};

/**
 * Runs `prepare`, the "before" hook and `backup` (the `borg create`), then the hooks for how that
 * went; returns the backup's outcome, a warning when a later hook failed.
 */
export async function runWithPlanHooks<Prepared>(
  run: PlanHookRun,
  job: JobRunContext,
  prepare: () => Promise<Prepared>,
  backup: (prepared: Prepared) => Promise<JobRunOutcome>,
): Promise<JobRunOutcome> {
  const { plan } = run;
  let outcome: JobRunOutcome;
  try {
    const prepared = await prepare();
    if (plan.beforeCommand !== undefined) {
      const ok = await runPlanHook(run, job, plan.beforeCommand, { hook: 'before', result: 'running' });
      if (job.signal.aborted) throw new AppError('Cancelled', 'The task was cancelled.');
      if (!ok) {
        throw new AppError(
          'InvalidInput',
          'The backup was skipped because the plan\'s "before" command failed.',
          'See the job log for its output, fix the command, then run the plan again.',
          { reason: 'backupSkippedBecausePlan' },
        );
      }
    }
    outcome = await backup(prepared);
  } catch (e) {
    await runFailureHooks(run, job, e);
    throw e;
  }
  const archiveName = outcome.result?.archive.name;
  let status = outcome.status;
  for (const [hook, command] of [
    ['after-success', plan.afterCommand],
    ['always', plan.alwaysCommand],
  ] as const) {
    if (command === undefined) continue;
    const ok = await runPlanHook(run, job, command, { hook, archiveName, result: resultOf(status) });
    if (!ok && status === 'succeeded') status = 'warning';
  }
  return { ...outcome, status };
}

// After a failed or cancelled backup (or a failed "before"): the failure hook, then "always".
async function runFailureHooks(run: PlanHookRun, job: JobRunContext, failure: unknown): Promise<void> {
  const { plan } = run;
  if (plan.afterFailureCommand === undefined && plan.alwaysCommand === undefined) return;
  const cancelled = job.signal.aborted;
  const serialized = serializeError(failure);
  const context = {
    result: cancelled ? ('cancelled' as const) : ('failed' as const),
    error: {
      code: cancelled ? 'Cancelled' : serialized.code,
      message: [serialized.message, serialized.remedy].filter((s) => s !== undefined).join(' '),
    },
  };
  if (plan.afterFailureCommand !== undefined)
    await runPlanHook(run, job, plan.afterFailureCommand, { hook: 'after-failure', ...context });
  if (plan.alwaysCommand !== undefined)
    await runPlanHook(run, job, plan.alwaysCommand, { hook: 'always', ...context });
}

function resultOf(status: JobRunOutcome['status']): HookResult {
  return status === 'succeeded' ? 'succeeded' : status === 'warning' ? 'warnings' : 'cancelled';
}

type HookFacts = Pick<HookContext, 'hook' | 'result'> & Partial<Pick<HookContext, 'archiveName' | 'error'>>;

/** Runs one hook and logs how it ended; true when it exited with 0. */
async function runPlanHook(
  run: PlanHookRun,
  job: JobRunContext,
  hook: HookCommand,
  facts: HookFacts,
): Promise<boolean> {
  const label = LABELS[facts.hook];
  // A hook that starts after the job was cancelled (the failure hooks) still runs to its own time
  // limit; only a second cancel (stopSignal) stops it.
  const signal = job.signal.aborted ? (job.stopSignal ?? job.signal) : job.signal;
  job.log('info', `${label}: ${hook.command}`);
  const outcome = await withLogFile(job, (logFile) => {
    const context: HookContext = {
      ...facts,
      planId: run.plan.id,
      planName: run.plan.name,
      repositoryName: run.repository.name,
      repositoryLocation: run.repository.location,
      logFile,
    };
    return runHookCommand(hook.command, {
      timeoutMs: hook.timeoutSeconds * 1000,
      signal,
      env: buildHookEnv(run.env, context),
      onLine: (line, stream) => job.log(stream === 'stderr' ? 'warning' : 'info', line),
    });
  });
  if (outcome.cancelled) {
    job.log('error', `${label} was stopped because the job was cancelled.`);
    return false;
  }
  if (outcome.startError !== undefined) {
    const { message, remedy } = outcome.startError;
    job.log('error', `${label} could not be started. ${message} ${remedy ?? ''}`.trim());
    return false;
  }
  if (outcome.timedOut) {
    job.log('error', `${label} stopped after ${hook.timeoutSeconds} s (its time limit).`);
    return false;
  }
  if (outcome.exitCode !== 0) {
    job.log('error', `${label} failed (exit code ${outcome.exitCode ?? 'unknown'}).`);
    return false;
  }
  return true;
}

// The job's log so far as a file for the hook; removed once the hook has ended.
async function withLogFile<T>(job: JobRunContext, use: (logFile: string) => Promise<T>): Promise<T> {
  let dir: string | undefined;
  let file = '';
  try {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-hook-'));
    file = path.join(dir, 'job-log.txt');
    await fs.writeFile(file, plainLog(job.logSoFar?.() ?? []), { mode: 0o600 });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    job.log('warning', `The job log could not be written for the command (${reason}); it gets none.`);
    file = '';
  }
  try {
    return await use(file);
  } finally {
    if (dir !== undefined) await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The log as plain text: one `<time> <LEVEL> <message>` line per entry. */
export function plainLog(entries: readonly LogEntry[]): string {
  return entries.map((e) => `${e.time} ${e.level.toUpperCase()} ${e.message}\n`).join('');
}
