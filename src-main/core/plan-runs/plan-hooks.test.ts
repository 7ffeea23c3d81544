import { describe, expect, it } from 'vitest';
import { BorgError } from '../../borg/errors.js';
import type { LogEntry } from '../../model/job.js';
import { planSchema, type HookCommand } from '../../model/plan.js';
import type { JobRunContext, JobRunOutcome } from '../jobs/job-manager.js';
import { plainLog, runWithPlanHooks } from './plan-hooks.js';

const archive = { name: 'docs-pc-2026-03-10', id: 'a1', start: '2026-03-10T08:00:00' };

function plan(hooks: Record<string, HookCommand>) {
  return planSchema.parse({
    id: 'p1',
    archivePrefix: 'docs',
    name: 'Docs',
    targets: [{ repoId: 'r1' }],
    sourcePaths: ['/home/ann/docs'],
    ...hooks,
  });
}

function job(): JobRunContext & { readonly lines: LogEntry[] } {
  const lines: LogEntry[] = [];
  return {
    lines,
    signal: new AbortController().signal,
    onEvent: () => undefined,
    log: (level, message) => lines.push({ time: '2026-03-10T08:00:00.000Z', level, message }),
    logSoFar: () => lines,
  };
}

const run = (hooks: Record<string, HookCommand>) => ({
  plan: plan(hooks),
  repository: { name: 'USB', location: '/media/usb/repo' },
  env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
});
const sh = (command: string): HookCommand => ({ command, timeoutSeconds: 10 });
const succeeded = async (): Promise<JobRunOutcome> => ({
  status: 'succeeded',
  result: { archive, warnings: [] },
});

describe('runWithPlanHooks', () => {
  it('runs the hooks in order and makes a success a warning when one of them fails', async () => {
    const ctx = job();
    const outcome = await runWithPlanHooks(
      run({
        beforeCommand: sh('echo "before $BORGDESK_RESULT [$BORGDESK_ARCHIVE_NAME]"'),
        afterCommand: sh('echo "after $BORGDESK_ARCHIVE_NAME"; exit 4'),
        afterFailureCommand: sh('echo never'),
        alwaysCommand: sh(
          'echo "always $BORGDESK_RESULT"; grep -c "^[^ ]* INFO after docs-" "$BORGDESK_LOG_FILE"',
        ),
      }),
      ctx,
      async () => undefined,
      succeeded,
    );
    expect(outcome.status).toBe('warning');
    expect(ctx.lines.filter((l) => !l.message.includes(': ')).map((l) => `${l.level} ${l.message}`)).toEqual([
      'info before running []',
      `info after ${archive.name}`,
      'error After-success command failed (exit code 4).',
      // The always hook is told the result as it now stands, and read the log so far.
      'info always warnings',
      'info 1',
    ]);
  });

  it('runs the failure and always hooks with the error, then re-throws it', async () => {
    const ctx = job();
    const failure = new BorgError({ code: 'RepositoryDoesNotExist', message: 'No repository there.' });
    const attempt = runWithPlanHooks(
      run({
        afterCommand: sh('echo never'),
        afterFailureCommand: sh('echo "$BORGDESK_RESULT $BORGDESK_ERROR_CODE: $BORGDESK_ERROR_MESSAGE"'),
        alwaysCommand: sh('exit 1'),
      }),
      ctx,
      async () => undefined,
      () => Promise.reject(failure),
    );
    await expect(attempt).rejects.toBe(failure);
    const messages = ctx.lines.map((l) => l.message);
    expect(messages).toContain('failed RepositoryDoesNotExist: No repository there.');
    expect(messages).toContain('Always-run command failed (exit code 1).');
    expect(messages).not.toContain('never');
  });

  it('skips the backup when the before hook fails, but still runs the always hook', async () => {
    const ctx = job();
    let backedUp = false;
    const attempt = runWithPlanHooks(
      run({ beforeCommand: sh('exit 3'), alwaysCommand: sh('echo "always $BORGDESK_ERROR_CODE"') }),
      ctx,
      async () => undefined,
      async () => {
        backedUp = true;
        return succeeded();
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'InvalidInput' });
    expect(backedUp).toBe(false);
    expect(ctx.lines.map((l) => l.message)).toContain('always InvalidInput');
  });

  it('writes the log as plain text lines', () => {
    expect(plainLog([{ time: 't1', level: 'warning', message: 'careful' }])).toBe('t1 WARNING careful\n');
  });
});
