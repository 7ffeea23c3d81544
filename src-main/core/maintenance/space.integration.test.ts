/**
 * Space and command lines with the real /usr/bin/borg through createCore: deleting an archive frees
 * nothing until compact, `repos:space` sees the difference, the compact job frees it (measured on
 * the repository folder's real files), and every job's log begins with its borg command line, with
 * neither the passphrase nor the passcommand's text in it.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BORG } from '../../borg/test-sandbox.js';
import { requests } from '../../ipc/contract.js';
import type { BackupRequest, JobSnapshot } from '../../model/job.js';
import { reclaimableBytes } from '../../model/space.js';
import type { Core } from '../services.js';
import { EventRecorder } from '../test-support/event-recorder.js';
import { startTestCore } from '../test-support/test-core.js';

const PASSPHRASE = 'space test passphrase 9c41';
// A passcommand that carries its secret inline: exactly why its text stays out of the log.
const PASSCOMMAND = `echo '${PASSPHRASE}'`;

let root: string;
let repoPath: string;
let core: Core;
let recorder: EventRecorder;
let repoId: string;
const savedBase = process.env['BORG_BASE_DIR'];

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-space-it-'));
  repoPath = path.join(root, 'repo');
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  await fs.mkdir(path.join(root, 'home'), { recursive: true });
  for (const [dir, megabytes] of [
    ['big', 6],
    ['small', 1],
  ] as const) {
    await fs.mkdir(path.join(root, dir), { recursive: true });
    await fs.writeFile(path.join(root, dir, 'random.bin'), randomBytes(megabytes * 1024 * 1024));
  }
  core = await startTestCore({ configDir: path.join(root, 'config'), homeDir: path.join(root, 'home') });
  recorder = new EventRecorder(core);
  await core.handlers['settings:update']({ borgPath: TEST_BORG });
  const repo = await core.handlers['repos:create']({
    name: 'Space',
    location: repoPath,
    encryption: 'repokey-blake2',
    passphrase: PASSPHRASE,
  });
  repoId = repo.id;
}, 60_000);

afterAll(async () => {
  recorder?.stop();
  await core?.dispose();
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

function backup(dir: string, archiveName: string): BackupRequest {
  const options = { compression: 'none' as const, excludeCaches: false, excludePatterns: [] };
  return { repoId, sourcePaths: [path.join(root, dir)], archiveName, ...options };
}

async function finished(jobId: string): Promise<JobSnapshot> {
  return recorder.waitFor('job:finished', (job) => job.id === jobId, 120_000);
}

// Runs a queued job to its end and returns it with its log's messages.
async function run(start: Promise<{ jobId: string }>): Promise<{ job: JobSnapshot; lines: string[] }> {
  const { jobId } = await start;
  const job = await finished(jobId);
  const lines = (await core.handlers['jobs:log']({ jobId })).map((entry) => entry.message);
  return { job, lines };
}

// The size of every file under `dir`, as `du -b` adds it up: real files, not borg's own figures.
async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  return total;
}

// The jobs of a plan once `count` of them exist and all have ended.
async function allFinished(planId: string, count: number): Promise<JobSnapshot[]> {
  for (let i = 0; i < 1200; i++) {
    const jobs = (await core.handlers['jobs:list']({})).filter((j) => j.planId === planId);
    if (jobs.length >= count && jobs.every((j) => j.finishedAt !== undefined)) return jobs;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the jobs of plan ${planId} did not finish`);
}

function expectNoSecret(lines: readonly string[]): void {
  for (const line of lines) {
    expect(line).not.toContain(PASSPHRASE);
    expect(line).not.toContain('echo');
  }
}

describe('space with real borg', () => {
  it('frees a deleted archive only by compacting, and says so before and after', async () => {
    expect((await run(core.handlers['jobs:start-backup'](backup('big', 'big')))).job.status).toBe(
      'succeeded',
    );
    expect((await run(core.handlers['jobs:start-backup'](backup('small', 'small')))).job.status).toBe(
      'succeeded',
    );
    const before = await folderBytes(repoPath);

    const deleted = await run(core.handlers['archives:delete']({ repoId, archiveName: 'big' }));
    expect(deleted.job.status).toBe('succeeded');
    expect(deleted.lines[0]).toBe(`Running: borg delete --list --progress -- ${repoPath}::big`);
    expect(deleted.lines.some((l) => l.includes('freed only when the repository is compacted'))).toBe(true);
    expectNoSecret(deleted.lines);
    // Borg 1.2 only marks the archive's chunks deleted: the folder is as big as before (a bit bigger).
    const afterDelete = await folderBytes(repoPath);
    expect(afterDelete).toBeGreaterThanOrEqual(before);

    const details = await core.handlers['repos:details']({ repoId });
    const space = await core.handlers['repos:space']({ repoId });
    expect(space.kind).toBe('measured');
    const estimate = reclaimableBytes(space, details.stats?.uniqueCompressedSize ?? 0) ?? 0;
    // 6 MiB of random bytes, stored uncompressed: what compact can free, within headers.
    expect(estimate).toBeGreaterThan(6.2e6);
    expect(estimate).toBeLessThan(6.4e6);

    const compacted = await run(core.handlers['repos:compact']({ repoId }));
    expect(compacted.job.status).toBe('succeeded');
    expect(compacted.lines[0]).toBe(`Running: borg compact --info --progress -- ${repoPath}`);
    expectNoSecret(compacted.lines);
    const afterCompact = await folderBytes(repoPath);
    const freedOnDisk = afterDelete - afterCompact;
    expect(freedOnDisk).toBeGreaterThan(6e6);
    // Borg's own figure (decimal, rounded to 3 digits) matches what left the disk.
    expect(compacted.job.freedBytes).toBeGreaterThan(6e6);
    expect(Math.abs((compacted.job.freedBytes ?? 0) - freedOnDisk)).toBeLessThan(0.02 * freedOnDisk);
    // The estimate was honest: within 2 % of what compacting freed.
    expect(Math.abs(estimate - freedOnDisk)).toBeLessThan(0.02 * freedOnDisk);
    const spaceAfter = await core.handlers['repos:space']({ repoId });
    expect(reclaimableBytes(spaceAfter, details.stats?.uniqueCompressedSize ?? 0)).toBe(0);
  }, 180_000);

  it('starts the log of check, a plan backup, prune and compact with the command, the passcommand as a placeholder', async () => {
    await core.handlers['repos:set-passcommand']({ repoId, passcommand: PASSCOMMAND });
    const checked = await run(core.handlers['repos:check']({ repoId, mode: 'repository' }));
    expect(checked.job.status).toBe('succeeded');
    expect(checked.lines[0]).toBe(
      `Running: BORG_PASSCOMMAND='<hidden>' borg check --progress --repository-only -- ${repoPath}`,
    );
    expectNoSecret(checked.lines);

    const plan = await core.handlers['plans:save'](
      requests['plans:save'].params.parse({
        draft: {
          name: 'Keep one',
          targets: [{ repoId }],
          sourcePaths: [path.join(root, 'small')],
          archiveNameTemplate: '{hostname}-{now:%Y-%m-%dT%H-%M-%S.%f}',
          retention: { keepLast: 1 },
        },
      }),
    );
    for (let i = 0; i < 2; i++) {
      const { jobIds } = await core.handlers['plans:run-now']({ planId: plan.id });
      await finished(jobIds[0] ?? '');
    }
    // Each run queues its prune and compact after the backup: wait until the second run's compact ends.
    const jobs = await allFinished(plan.id, 6);
    const prune = jobs.filter((j) => j.kind === 'prune').at(-1);
    const compactJob = jobs.filter((j) => j.kind === 'compact').at(-1);
    expect([prune?.status, compactJob?.status]).toEqual(['succeeded', 'succeeded']);
    const pruneLines = (await core.handlers['jobs:log']({ jobId: prune?.id ?? '' })).map((e) => e.message);
    expect(pruneLines[0]).toBe(
      `Running: BORG_PASSCOMMAND='<hidden>' borg prune --list --progress '--glob-archives=${plan.archivePrefix}-*' --keep-last=1 -- ${repoPath}`,
    );
    const compactLines = (await core.handlers['jobs:log']({ jobId: compactJob?.id ?? '' })).map(
      (e) => e.message,
    );
    expect(compactLines[0]).toMatch(
      /^Running: BORG_PASSCOMMAND='<hidden>' borg compact --info --progress -- /,
    );
    const planBackup = jobs.filter((j) => j.kind === 'backup').at(-1);
    const backupLines = (await core.handlers['jobs:log']({ jobId: planBackup?.id ?? '' })).map(
      (e) => e.message,
    );
    expect(backupLines[0]).toMatch(/^Running: BORG_PASSCOMMAND='<hidden>' borg create --progress --json /);
    expectNoSecret([...pruneLines, ...compactLines, ...backupLines]);
  }, 240_000);
});
