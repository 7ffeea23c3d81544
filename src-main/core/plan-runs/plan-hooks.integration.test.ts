/**
 * A plan's hooks through createCore with real borg: each hook is a small shell script that writes
 * its environment and the job log it was handed into files, so the test sees exactly what a user's
 * command would. One repository (temp BORG_BASE_DIR, config and sources), removed afterwards.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../ipc/contract.js';
import type { JobSnapshot } from '../../model/job.js';
import type { PlanDraft } from '../../model/plan.js';
import type { Core } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';

const PASSPHRASE = 'plan hooks passphrase 7d2e';
// Set in the host's environment to prove a hook never inherits it.
const PARENT_SECRET = 'parent passphrase b81f';
const TEMPLATE = '{hostname}-{now:%Y-%m-%dT%H-%M-%S.%f}';

let root: string;
let source: string;
let repoPath: string;
let outDir: string;
let script: string;
let core: Core;
let repoId: string;
const saved = { base: process.env['BORG_BASE_DIR'], secret: process.env['BORG_PASSPHRASE'] };

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function waitForIdle(): Promise<JobSnapshot[]> {
  for (let i = 0; i < 1200; i++) {
    const jobs = await core.handlers['jobs:list']({});
    if (jobs.every((j) => ['succeeded', 'warning', 'failed', 'cancelled'].includes(j.status))) return jobs;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('jobs did not finish');
}

async function runPlan(name: string, extra: Partial<PlanDraft>): Promise<JobSnapshot> {
  const draft = {
    name,
    targets: [{ repoId }],
    sourcePaths: [source],
    archiveNameTemplate: TEMPLATE,
    ...extra,
  };
  const plan = await core.handlers['plans:save'](requests['plans:save'].params.parse({ draft }));
  const { jobIds } = await core.handlers['plans:run-now']({ planId: plan.id });
  const job = (await waitForIdle()).find((j) => j.id === jobIds[0]);
  if (job === undefined) throw new Error('the backup job is gone');
  return job;
}

// `sh <script> <run>`: the hook writes <run>-<hook>.env and <run>-<hook>.log into outDir.
function hook(run: string, timeoutSeconds = 30) {
  return { command: `sh '${script}' ${run}`, timeoutSeconds };
}

async function hookEnv(run: string, name: string): Promise<Record<string, string>> {
  const text = await fs.readFile(path.join(outDir, `${run}-${name}.env`), 'utf8');
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(line)) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}

async function ranHooks(run: string): Promise<string[]> {
  const files = await fs.readdir(outDir);
  return files
    .filter((f) => f.startsWith(`${run}-`) && f.endsWith('.env'))
    .map((f) => f.slice(run.length + 1, -'.env'.length))
    .sort();
}

function expectNoPassphrase(env: Record<string, string>): void {
  expect(Object.keys(env).filter((k) => k.includes('PASS'))).toEqual([]);
  expect(Object.values(env).join('\n')).not.toContain(PARENT_SECRET);
  expect(Object.values(env).join('\n')).not.toContain(PASSPHRASE);
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-hooks-it-'));
  source = path.join(root, 'source');
  repoPath = path.join(root, 'repo');
  outDir = path.join(root, 'out');
  script = path.join(root, 'dump-env.sh');
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  process.env['BORG_PASSPHRASE'] = PARENT_SECRET;
  await fs.mkdir(source, { recursive: true });
  await fs.mkdir(outDir);
  await fs.writeFile(path.join(source, 'notes.txt'), 'notes');
  await fs.writeFile(
    script,
    [
      `out="${outDir}/$1-$BORGDESK_HOOK"`,
      'env > "$out.env"',
      'cp "$BORGDESK_LOG_FILE" "$out.log"',
      'echo "hook $BORGDESK_HOOK saw $BORGDESK_RESULT"',
      '',
    ].join('\n'),
  );
  core = await startTestCore({ configDir: path.join(root, 'config'), homeDir: path.join(root, 'home') });
  const repo = await core.handlers['repos:create']({
    name: 'Hook repo',
    location: repoPath,
    encryption: 'repokey-blake2',
    passphrase: PASSPHRASE,
  });
  repoId = repo.id;
}, 60_000);

afterAll(async () => {
  await core?.dispose();
  restore('BORG_BASE_DIR', saved.base);
  restore('BORG_PASSPHRASE', saved.secret);
  await fs.rm(root, { recursive: true, force: true });
});

describe('plan hooks with real borg', () => {
  it('runs before, after-success and always with the plan, archive and result', async () => {
    const job = await runPlan('Hooks ok', {
      beforeCommand: hook('ok'),
      afterCommand: hook('ok'),
      afterFailureCommand: hook('ok'),
      alwaysCommand: hook('ok'),
    });
    expect(job.status).toBe('succeeded');
    const archiveName = job.result?.archive.name ?? '';
    expect(archiveName).toMatch(/^hooks_ok-/);
    expect(await ranHooks('ok')).toEqual(['after-success', 'always', 'before']);
    const before = await hookEnv('ok', 'before');
    expect(before).toMatchObject({
      BORGDESK_HOOK: 'before',
      BORGDESK_PLAN_NAME: 'Hooks ok',
      BORGDESK_PLAN_ID: job.planId,
      BORGDESK_REPOSITORY_NAME: 'Hook repo',
      BORGDESK_REPOSITORY_LOCATION: repoPath,
      BORGDESK_ARCHIVE_NAME: '',
      BORGDESK_RESULT: 'running',
    });
    for (const name of ['after-success', 'always']) {
      const env = await hookEnv('ok', name);
      expect(env).toMatchObject({ BORGDESK_ARCHIVE_NAME: archiveName, BORGDESK_RESULT: 'succeeded' });
      expect(env).not.toHaveProperty('BORGDESK_ERROR_CODE');
      expectNoPassphrase(env);
    }
    expectNoPassphrase(before);
    // The log file held the job's log so far (the borg create line) and was removed afterwards.
    const always = await hookEnv('ok', 'always');
    expect(await fs.readFile(path.join(outDir, 'ok-always.log'), 'utf8')).toMatch(/INFO .*borg create/);
    await expect(fs.access(always['BORGDESK_LOG_FILE'] ?? '')).rejects.toThrow();
    const log = await core.handlers['jobs:log']({ jobId: job.id });
    expect(log.map((l) => l.message)).toContain('hook after-success saw succeeded');
  }, 120_000);

  it('runs after-failure and always with the error when the repository is gone (an empty folder left)', async () => {
    const away = `${repoPath}-away`;
    await fs.rename(repoPath, away);
    // An empty folder where the repository was: the plan still starts, borg then fails.
    await fs.mkdir(repoPath);
    try {
      const job = await runPlan('Hooks fail', {
        afterCommand: hook('fail'),
        afterFailureCommand: hook('fail'),
        alwaysCommand: hook('fail'),
      });
      expect(job.status).toBe('failed');
      expect(await ranHooks('fail')).toEqual(['after-failure', 'always']);
      for (const name of ['after-failure', 'always']) {
        const env = await hookEnv('fail', name);
        expect(env).toMatchObject({
          BORGDESK_HOOK: name,
          BORGDESK_RESULT: 'failed',
          BORGDESK_ERROR_CODE: job.error?.code,
          BORGDESK_ARCHIVE_NAME: '',
        });
        expect(env['BORGDESK_ERROR_MESSAGE']).toContain(job.error?.message);
        expectNoPassphrase(env);
      }
    } finally {
      await fs.rm(repoPath, { recursive: true });
      await fs.rename(away, repoPath);
    }
  }, 120_000);

  it('stops a hook at its time limit and makes the backup a warning', async () => {
    const started = Date.now();
    const job = await runPlan('Hooks slow', {
      alwaysCommand: { command: 'sleep 30', timeoutSeconds: 1 },
    });
    expect(job.status).toBe('warning');
    expect(job.result?.archive.name).toMatch(/^hooks_slow-/);
    expect(Date.now() - started).toBeLessThan(25_000);
    const log = await core.handlers['jobs:log']({ jobId: job.id });
    expect(log).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'Always-run command stopped after 1 s (its time limit).',
      }),
    );
  }, 120_000);

  it('still runs the failure hook after a cancel, until a second cancel stops it', async () => {
    const slowBefore = { command: 'sleep 30', timeoutSeconds: 60 };
    const draft = {
      name: 'Hooks cancel',
      targets: [{ repoId }],
      sourcePaths: [source],
      archiveNameTemplate: TEMPLATE,
      beforeCommand: slowBefore,
      // Outlives the first cancel: it sleeps, then writes its env; the always hook then hangs.
      afterFailureCommand: { command: `sleep 1; sh '${script}' cancel`, timeoutSeconds: 30 },
      alwaysCommand: { command: 'sleep 30', timeoutSeconds: 60 },
    };
    const plan = await core.handlers['plans:save'](requests['plans:save'].params.parse({ draft }));
    const { jobIds } = await core.handlers['plans:run-now']({ planId: plan.id });
    const jobId = jobIds[0] ?? '';
    const logged = async (text: string) => {
      for (let i = 0; i < 300; i++) {
        const log = await core.handlers['jobs:log']({ jobId });
        if (log.some((l) => l.message.startsWith(text))) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`never logged: ${text}`);
    };
    await logged('Before command: sleep 30');
    expect(await core.handlers['jobs:cancel']({ jobId })).toEqual({ cancelled: true });
    await logged('Always-run command: sleep 30');
    const env = await hookEnv('cancel', 'after-failure');
    expect(env).toMatchObject({ BORGDESK_RESULT: 'cancelled', BORGDESK_ERROR_CODE: 'Cancelled' });
    const started = Date.now();
    expect(await core.handlers['jobs:cancel']({ jobId })).toEqual({ cancelled: true });
    const job = (await waitForIdle()).find((j) => j.id === jobId);
    expect(job?.status).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(10_000);
    const log = await core.handlers['jobs:log']({ jobId });
    expect(log.map((l) => l.message)).toContain(
      'Always-run command was stopped because the job was cancelled.',
    );
  }, 120_000);
});
