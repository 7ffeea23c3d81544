/**
 * Restore drills through createCore with the real borg: back up, restore a sample to a temporary
 * folder and compare it with the source. The core runs on a hand-driven clock, so a scheduled backup
 * (and the weekly drill that follows it) fires without waiting.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../ipc/contract.js';
import type { JobSnapshot } from '../../model/job.js';
import type { PlanDraft } from '../../model/plan.js';
import { ManualTime } from '../schedule/manual-time.js';
import type { Core } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';

const TEMPLATE = '{hostname}-{now:%Y-%m-%dT%H-%M-%S.%f}';
// A whole second: Node's utimes can set it back exactly, to the nanosecond borg restores.
const MTIME = new Date('2026-02-01T12:00:00Z');
const FILES = ['docs/report.txt', 'docs/notes.md', 'photos/cat.jpg', 'big.bin', 'small.txt'];

let root: string;
let source: string;
let tmp: string;
let core: Core;
let time: ManualTime;
let repoId: string;
let planId: string;
const savedBase = process.env['BORG_BASE_DIR'];

async function waitFor(done: (jobs: JobSnapshot[]) => boolean): Promise<JobSnapshot[]> {
  for (let i = 0; i < 1200; i++) {
    const jobs = await core.handlers['jobs:list']({});
    const idle = jobs.every((j) => ['succeeded', 'warning', 'failed', 'cancelled'].includes(j.status));
    if (idle && done(jobs)) return jobs;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('jobs did not finish');
}

async function drillNow(): Promise<JobSnapshot> {
  const { jobId } = await core.handlers['drills:start']({ repoId, planId });
  const jobs = await waitFor((list) => list.some((j) => j.id === jobId));
  const job = jobs.find((j) => j.id === jobId);
  if (job === undefined) throw new Error('drill job missing');
  return job;
}

async function leftovers(): Promise<string[]> {
  return (await fs.readdir(tmp)).filter((n) => n.startsWith('borgdesk-drill-'));
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-drills-it-'));
  source = path.join(root, 'source');
  tmp = path.join(root, 'tmp');
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  await fs.mkdir(tmp, { recursive: true });
  for (const file of FILES) {
    const full = path.join(source, file);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, file === 'big.bin' ? Buffer.alloc(300_000, 7) : `content of ${file}\n`);
    await fs.utimes(full, MTIME, MTIME);
  }
  // 08:00 local time: a daily 09:00 schedule is an hour away.
  time = new ManualTime(new Date(2026, 2, 10, 8, 0, 0).getTime());
  core = await startTestCore({
    configDir: path.join(root, 'config'),
    homeDir: path.join(root, 'home'),
    time,
    services: { env: { ...process.env, TMPDIR: tmp } },
  });
  const repo = await core.handlers['repos:create']({
    name: 'Drill repo',
    location: path.join(root, 'repo'),
    encryption: 'repokey-blake2',
    passphrase: 'drill passphrase 7f2a',
  });
  repoId = repo.id;
  const draft: PlanDraft = {
    name: 'Drilled',
    targets: [{ repoId }],
    sourcePaths: [source],
    archiveNameTemplate: TEMPLATE,
  };
  const plan = await core.handlers['plans:save'](requests['plans:save'].params.parse({ draft }));
  planId = plan.id;
  await core.handlers['plans:run-now']({ planId });
  await waitFor((jobs) => jobs.some((j) => j.kind === 'backup'));
}, 90_000);

afterAll(async () => {
  await core?.dispose();
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

describe('restore drills with real borg', () => {
  it('restores the sample and finds it identical, then records it in the history', async () => {
    const job = await drillNow();
    expect(job).toMatchObject({ kind: 'drill', status: 'succeeded', planId });
    expect(job.drillResult).toMatchObject({ fileCount: 5, identicalCount: 5, changedSinceCount: 0 });
    expect(job.drillResult?.totalBytes).toBe(
      300_000 +
        FILES.slice(0, 3)
          .concat('small.txt')
          .reduce((n, f) => n + `content of ${f}\n`.length, 0),
    );
    expect(job.drillResult?.summary).toMatch(/^5 files, [\d.]+ kB restored and identical$/);
    expect(await leftovers()).toEqual([]);
    const latest = await core.handlers['drills:latest']({});
    expect(latest).toHaveLength(1);
    expect(latest[0]).toMatchObject({ id: job.id, kind: 'drill', planId, status: 'succeeded' });
    expect(latest[0]?.drill?.summary).toBe(job.drillResult?.summary);
  }, 90_000);

  it('counts a source changed since the backup as restored but not compared', async () => {
    const notes = path.join(source, 'docs/notes.md');
    await fs.writeFile(notes, 'rewritten after the backup\n');
    const job = await drillNow();
    expect(job.status).toBe('succeeded');
    expect(job.drillResult).toMatchObject({ fileCount: 5, identicalCount: 4, changedSinceCount: 1 });
    const log = await core.handlers['jobs:log']({ jobId: job.id });
    expect(log.map((l) => l.message)).toContain(`${notes}: restored, source changed since`);
  }, 90_000);

  it('fails naming the file whose content differs although size and mtime are the same', async () => {
    const report = path.join(source, 'docs/report.txt');
    const original = await fs.readFile(report, 'utf8');
    await fs.writeFile(report, original.toUpperCase());
    await fs.utimes(report, MTIME, MTIME);
    try {
      const job = await drillNow();
      expect(job.status).toBe('failed');
      expect(job.error?.code).toBe('RestoreTestFailed');
      expect(job.error?.message).toContain(report);
      expect(await leftovers()).toEqual([]);
      const { entries } = await core.handlers['history:list']({ repoId, limit: 50 });
      expect(entries[0]).toMatchObject({ id: job.id, kind: 'drill', status: 'failed' });
    } finally {
      await fs.writeFile(report, original);
      await fs.utimes(report, MTIME, MTIME);
    }
  }, 90_000);

  it('tests a restore after a scheduled backup once a week, not after every backup', async () => {
    const draft: PlanDraft = {
      name: 'Weekly',
      targets: [{ repoId, schedule: { kind: 'daily', at: '09:00' } }],
      sourcePaths: [source],
      archiveNameTemplate: TEMPLATE,
      restoreTest: 'weekly',
    };
    const weekly = await core.handlers['plans:save'](requests['plans:save'].params.parse({ draft }));
    const ofWeekly = (jobs: JobSnapshot[], kind: string) =>
      jobs.filter((j) => j.planId === weekly.id && j.kind === kind);
    await core.handlers['test:advance-clock']({ ms: 61 * 60_000 });
    const jobs = await waitFor((list) => ofWeekly(list, 'drill').length > 0);
    expect(ofWeekly(jobs, 'backup').map((j) => j.status)).toEqual(['succeeded']);
    const [drill] = ofWeekly(jobs, 'drill');
    expect(drill?.status).toBe('succeeded');
    expect(drill?.drillResult?.archiveName).toBe(ofWeekly(jobs, 'backup')[0]?.result?.archive.name);
    const { entries } = await core.handlers['history:list']({ repoId, limit: 50 });
    expect(entries.find((e) => e.id === drill?.id)).toMatchObject({ trigger: 'schedule', kind: 'drill' });
    // The next day's backup is within the week: no drill follows it.
    await core.handlers['test:advance-clock']({ ms: 24 * 60 * 60_000 });
    const after = await waitFor((list) => ofWeekly(list, 'backup').length >= 2);
    expect(ofWeekly(after, 'backup').map((j) => j.status)).toEqual(['succeeded', 'succeeded']);
    expect(ofWeekly(after, 'drill')).toHaveLength(1);
  }, 180_000);

  it("tests a repository's newest archive without a plan, and refuses a plan that is gone", async () => {
    const { jobId } = await core.handlers['drills:start']({ repoId });
    const jobs = await waitFor((list) => list.some((j) => j.id === jobId));
    const job = jobs.find((j) => j.id === jobId);
    expect(job).toMatchObject({
      kind: 'drill',
      status: 'succeeded',
      title: 'Test a restore from Drill repo',
    });
    expect(job?.planId).toBeUndefined();
    expect(job?.drillResult?.identicalCount).toBeGreaterThan(0);
    await expect(core.handlers['drills:start']({ repoId, planId: 'no-such-plan' })).rejects.toMatchObject({
      code: 'NotFound',
    });
  }, 90_000);
});
