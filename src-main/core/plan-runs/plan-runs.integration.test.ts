/**
 * Plans, retention, the scheduler and maintenance through createCore with the real /usr/bin/borg:
 * temp BORG_BASE_DIR, config dir, repository and sources, all removed afterwards. The core runs on a
 * hand-driven clock, so a daily schedule fires without waiting.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runListContents } from '../../borg/commands/list-contents.js';
import { requests } from '../../ipc/contract.js';
import type { JobSnapshot } from '../../model/job.js';
import type { PlanDraft } from '../../model/plan.js';
import { ManualTime } from '../schedule/manual-time.js';
import type { Core } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';
import { EventRecorder } from '../test-support/event-recorder.js';

const PASSPHRASE = 'plan runs passphrase 41c9';
// Fractions of a second, so runs in one second never collide on a name.
const TEMPLATE = '{hostname}-{now:%Y-%m-%dT%H-%M-%S.%f}';

let root: string;
let home: string;
let source: string;
let repoPath: string;
let core: Core;
let time: ManualTime;
let repoId: string;
const savedBase = process.env['BORG_BASE_DIR'];

async function waitForIdle(): Promise<JobSnapshot[]> {
  for (let i = 0; i < 1200; i++) {
    const jobs = await core.handlers['jobs:list']({});
    if (jobs.every((j) => ['succeeded', 'warning', 'failed', 'cancelled'].includes(j.status))) return jobs;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('jobs did not finish');
}

async function archiveNames(): Promise<string[]> {
  const details = await core.handlers['repos:details']({ repoId });
  return details.archives.map((a) => a.name).sort();
}

// Through the contract's schema, as the router does: defaults applied, input validated.
async function savePlan(d: PlanDraft) {
  return core.handlers['plans:save'](requests['plans:save'].params.parse({ draft: d }));
}

function draft(name: string, extra: Partial<PlanDraft> = {}): PlanDraft {
  return { name, targets: [{ repoId }], sourcePaths: [source], archiveNameTemplate: TEMPLATE, ...extra };
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-plans-it-'));
  home = path.join(root, 'home');
  source = path.join(root, 'source');
  repoPath = path.join(root, 'repo');
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  await fs.mkdir(home, { recursive: true });
  for (const dir of ['docs', 'build', 'skipme', 'logs'])
    await fs.mkdir(path.join(source, dir), { recursive: true });
  await fs.writeFile(path.join(source, 'docs', 'keep.txt'), 'keep');
  await fs.writeFile(path.join(source, 'docs', 'debug.log'), 'log');
  await fs.writeFile(path.join(source, 'logs', 'keep-me.log'), 'log kept by an include');
  await fs.writeFile(path.join(source, 'build', 'out.o'), 'object');
  await fs.writeFile(path.join(source, 'skipme', 'secret.txt'), 'x');
  await fs.writeFile(path.join(source, 'skipme', '.nobackup'), '');
  // 08:00 local time: a daily 09:00 schedule is an hour away.
  time = new ManualTime(new Date(2026, 2, 10, 8, 0, 0).getTime());
  core = await startTestCore({ configDir: path.join(root, 'config'), homeDir: home, time });
  const repo = await core.handlers['repos:create']({
    name: 'Plan repo',
    location: repoPath,
    encryption: 'repokey-blake2',
    passphrase: PASSPHRASE,
  });
  repoId = repo.id;
}, 60_000);

afterAll(async () => {
  await core?.dispose();
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

describe('plans with real borg', () => {
  it('backs up exactly the files the plan does not exclude', async () => {
    const plan = await savePlan(
      draft('Excludes', { excludes: ['*.log', `${source}/build`], patterns: ['+ **/logs/*.log'] }),
    );
    const tested = await core.handlers['plans:test-path']({
      planId: plan.id,
      path: `${source}/docs/debug.log`,
    });
    expect(tested).toMatchObject({ excluded: true, rule: '*.log' });
    const { jobIds } = await core.handlers['plans:run-now']({ planId: plan.id });
    expect(jobIds).toHaveLength(1);
    const jobs = await waitForIdle();
    const backup = jobs.find((j) => j.id === jobIds[0]);
    expect(backup?.status).toBe('succeeded');
    const archiveName = backup?.result?.archive.name ?? '';
    expect(archiveName.startsWith('excludes-')).toBe(true);
    const files: string[] = [];
    await runListContents(
      { location: repoPath, archiveName },
      { borgPath: '/usr/bin/borg', passphrase: PASSPHRASE },
      (item) => {
        if (item.type === '-') files.push(`/${item.path}`);
      },
    );
    expect(files.sort()).toEqual([`${source}/docs/keep.txt`, `${source}/logs/keep-me.log`]);
    await core.handlers['plans:delete']({ planId: plan.id });
  }, 120_000);

  it('prunes exactly the plan archives its retention policy does not keep', async () => {
    const plan = await savePlan(draft('Daily', { retention: { keepDaily: 1 } }));
    const names: string[] = [];
    for (let run = 0; run < 3; run++) {
      const { jobIds } = await core.handlers['plans:run-now']({ planId: plan.id });
      const jobs = await waitForIdle();
      const backup = jobs.find((j) => j.id === jobIds[0]);
      names.push(backup?.result?.archive.name ?? '');
      const kinds = jobs.filter((j) => j.title.startsWith('Daily')).map((j) => `${j.kind}:${j.status}`);
      expect(kinds.slice(-3)).toEqual(['backup:succeeded', 'prune:succeeded', 'compact:succeeded']);
    }
    // All three were made today: keep-daily 1 keeps the newest only; the earlier plan's archive stays.
    const left = await archiveNames();
    expect(left.filter((n) => n.startsWith('daily-'))).toEqual([names[2]]);
    expect(left.filter((n) => n.startsWith('excludes-'))).toHaveLength(1);
    // Every step of a plan run is recorded as that plan's: backup, prune and compact alike.
    const { entries } = await core.handlers['history:list']({ repoId, limit: 500 });
    const planSteps = entries.filter((e) => e.title.startsWith('Daily'));
    expect(planSteps.map((e) => e.kind).sort()).toEqual([
      ...Array<string>(3).fill('backup'),
      ...Array<string>(3).fill('compact'),
      ...Array<string>(3).fill('prune'),
    ]);
    expect(planSteps.every((e) => e.planId === plan.id)).toBe(true);
    expect(entries.filter((e) => e.planId === plan.id)).toHaveLength(9);
    const preview = await core.handlers['plans:preview-prune']({
      repoId,
      planId: plan.id,
      retention: { keepLast: 1 },
    });
    expect(preview).toEqual({ kept: [names[2]], pruned: [] });
    await core.handlers['plans:delete']({ planId: plan.id });
  }, 180_000);

  it('runs a daily schedule once when the clock passes its time', async () => {
    const recorder = new EventRecorder(core);
    const plan = await savePlan(
      draft('Nightly', { targets: [{ repoId, schedule: { kind: 'daily', at: '09:00' } }] }),
    );
    const [row] = await core.handlers['schedules:upcoming']({});
    expect(row).toMatchObject({ planId: plan.id, repoId, dueAt: new Date(2026, 2, 10, 9, 0).toISOString() });
    await core.handlers['test:advance-clock']({ ms: 30 * 60_000 });
    expect((await core.handlers['jobs:list']({})).filter((j) => j.title.startsWith('Nightly'))).toHaveLength(
      0,
    );
    await core.handlers['test:advance-clock']({ ms: 31 * 60_000 });
    await waitForIdle();
    await core.handlers['test:advance-clock']({ ms: 60 * 60_000 });
    await waitForIdle();
    const history = await core.handlers['history:list']({ limit: 100 });
    const runs = history.entries.filter((e) => e.title.startsWith('Nightly'));
    expect(runs.map((e) => [e.kind, e.trigger, e.status])).toEqual([['backup', 'schedule', 'succeeded']]);
    const [next] = await core.handlers['schedules:upcoming']({});
    expect(next?.dueAt).toBe(new Date(2026, 2, 11, 9, 0).toISOString());
    expect(recorder.of('schedules:changed').length).toBeGreaterThan(0);
    recorder.stop();
    await core.handlers['plans:delete']({ planId: plan.id });
  }, 120_000);

  it('pauses and resumes schedules', async () => {
    expect(await core.handlers['schedules:pause']({})).toEqual({ paused: true });
    expect(await core.handlers['schedules:state']({})).toEqual({ paused: true });
    expect(await core.handlers['schedules:resume']({})).toEqual({ paused: false });
  });

  it('checks the repository as a job with progress', async () => {
    const recorder = new EventRecorder(core);
    const { jobId } = await core.handlers['repos:check']({ repoId, mode: 'repository' });
    const finished = await recorder.waitFor('job:finished', (j) => j.id === jobId, 60_000);
    expect(finished).toMatchObject({ kind: 'check', status: 'succeeded' });
    const steps = recorder.of('job:progress').filter((p) => p.jobId === jobId && p.progress.kind === 'step');
    expect(steps.length).toBeGreaterThan(0);
    recorder.stop();
  }, 90_000);

  it('deletes one archive', async () => {
    const before = await archiveNames();
    const victim = before[0] ?? '';
    const { jobId } = await core.handlers['archives:delete']({ repoId, archiveName: victim });
    const jobs = await waitForIdle();
    expect(jobs.find((j) => j.id === jobId)).toMatchObject({ kind: 'delete', status: 'succeeded' });
    expect(await archiveNames()).toEqual(before.slice(1));
  }, 90_000);

  it('skips a scheduled run quietly while the repository is absent and runs it when it returns', async () => {
    const plan = await savePlan(
      draft('Usb', { targets: [{ repoId, schedule: { kind: 'every-hours', hours: 1 } }] }),
    );
    await fs.rename(repoPath, `${repoPath}.away`);
    try {
      await core.handlers['test:advance-clock']({ ms: 61 * 60_000 });
      await waitForIdle();
      const rows = await core.handlers['schedules:upcoming']({});
      expect(rows.find((r) => r.planId === plan.id)).toMatchObject({ waitingFor: 'target' });
      expect((await core.handlers['jobs:list']({})).filter((j) => j.title.startsWith('Usb'))).toEqual([]);
    } finally {
      await fs.rename(`${repoPath}.away`, repoPath);
    }
    await core.handlers['test:advance-clock']({ ms: 61_000 });
    const jobs = await waitForIdle();
    const runs = jobs.filter((j) => j.title.startsWith('Usb'));
    expect(runs.map((j) => [j.kind, j.status])).toEqual([['backup', 'succeeded']]);
    await core.handlers['plans:delete']({ planId: plan.id });
  }, 120_000);

  it('skips the backup when the before command fails, and logs its output', async () => {
    const before = await archiveNames();
    const plan = await savePlan(
      draft('Hooked', { beforeCommand: { command: 'echo dumping-db; exit 3', timeoutSeconds: 10 } }),
    );
    const { jobIds } = await core.handlers['plans:run-now']({ planId: plan.id });
    const jobs = await waitForIdle();
    const job = jobs.find((j) => j.id === jobIds[0]);
    expect(job?.status).toBe('failed');
    expect(job?.error?.message).toContain('"before" command failed');
    const log = await core.handlers['jobs:log']({ jobId: jobIds[0] ?? '' });
    expect(log.map((l) => l.message)).toEqual(
      expect.arrayContaining(['dumping-db', 'Before command failed (exit code 3).']),
    );
    expect(await archiveNames()).toEqual(before);
  }, 60_000);

  it('keeps plans across a restart and refuses the test clock request without test mode', async () => {
    const saved = await core.handlers['plans:list']({});
    expect(saved.map((p) => p.name)).toEqual(['Hooked']);
    const other = await startTestCore({ configDir: path.join(root, 'config'), homeDir: home });
    try {
      expect(await other.handlers['plans:list']({})).toEqual(saved);
      await expect(other.handlers['test:advance-clock']({ ms: 1000 })).rejects.toMatchObject({
        code: 'NotFound',
      });
    } finally {
      await other.dispose();
    }
  });
});
