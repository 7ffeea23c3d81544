/**
 * Backups that fail for a reason outside Borgdesk, through createCore with the real /usr/bin/borg:
 * borg killed with SIGKILL mid-backup (twice: the second time just after the next run removed the
 * stale lock), and a repository on a disk that is too small (an 8 MiB tmpfs, where mounting is
 * allowed). The job must say what happened, and the next backup and `borg check` must succeed.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBorg, runHookCommand } from '../../borg/exec.js';
import { writeShellProgram } from '../../borg/test-programs.js';
import { TEST_BORG } from '../../borg/test-sandbox.js';
import type { BackupRequest, JobSnapshot } from '../../model/job.js';
import type { Core } from '../services.js';
import { EventRecorder } from '../test-support/event-recorder.js';
import { startTestCore } from '../test-support/test-core.js';

let root: string;
let core: Core;
let recorder: EventRecorder;
const savedBase = process.env['BORG_BASE_DIR'];

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-borg-failures-'));
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  await fs.mkdir(path.join(root, 'home'), { recursive: true });
  core = await startTestCore({ configDir: path.join(root, 'config'), homeDir: path.join(root, 'home') });
  recorder = new EventRecorder(core);
});

afterAll(async () => {
  recorder.stop();
  await core.dispose();
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

async function writeRandom(file: string, megabytes: number): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(file, 'w');
  for (let i = 0; i < megabytes; i++) await handle.write(randomBytes(1024 * 1024));
  await handle.close();
}

function backup(repoId: string, source: string, archiveName: string): BackupRequest {
  const options = { compression: 'none' as const, excludeCaches: false, excludePatterns: [] };
  return { repoId, sourcePaths: [source], archiveName, ...options };
}

async function finished(jobId: string): Promise<JobSnapshot> {
  return recorder.waitFor('job:finished', (job) => job.id === jobId, 120_000);
}

describe('borg killed with SIGKILL mid-backup', () => {
  it('says borg was stopped by signal 9, also when the next run is killed after removing the stale lock', async () => {
    // The wrapper keeps borg's pid (exec), so the test can kill borg itself and not Borgdesk.
    const pids = path.join(root, 'borg.pids');
    const wrapper = await writeShellProgram(
      path.join(root, 'borg-wrapper'),
      `echo $$ >> '${pids}'\nexec ${TEST_BORG} "$@"`,
    );
    await core.handlers['settings:update']({ borgPath: wrapper });
    const location = path.join(root, 'repo');
    const repo = await core.handlers['repos:create']({ name: 'Killed', location, encryption: 'none' });
    const source = path.join(root, 'big');
    await writeRandom(path.join(source, 'random.bin'), 300);
    const killBorgWhen = async (ready: Promise<unknown>): Promise<void> => {
      await ready;
      const pid = Number((await fs.readFile(pids, 'utf8')).trim().split('\n').pop());
      process.kill(pid, 'SIGKILL');
    };

    const first = (await core.handlers['jobs:start-backup'](backup(repo.id, source, 'first'))).jobId;
    await killBorgWhen(recorder.waitFor('job:progress', (p) => p.jobId === first));
    expect((await finished(first)).error).toMatchObject({
      code: 'Interrupted',
      message: 'Borg was stopped by signal 9 (SIGKILL).',
    });

    // The next run removes the killed run's lock (WARNINGs); kill it right after that.
    const second = (await core.handlers['jobs:start-backup'](backup(repo.id, source, 'second'))).jobId;
    await killBorgWhen(
      recorder.waitFor(
        'job:log',
        (l) => l.jobId === second && l.entries.some((e) => /stale/.test(e.message)),
      ),
    );
    const killedAgain = await finished(second);
    expect(killedAgain.error).toMatchObject({
      code: 'Interrupted',
      message: 'Borg was stopped by signal 9 (SIGKILL).',
    });
    expect(killedAgain.error?.message).not.toMatch(/stale/);

    const third = (await core.handlers['jobs:start-backup'](backup(repo.id, source, 'third'))).jobId;
    const thirdJob = await finished(third);
    // The error, if any, is in the message: a failure here must say why borg refused.
    expect({ status: thirdJob.status, error: thirdJob.error }).toEqual({
      status: 'succeeded',
      error: undefined,
    });
    const check = await runBorg(['check', '--', location], { borgPath: TEST_BORG });
    expect(check.exitCode).toBe(0);
  }, 180_000);
});

describe('archive names borg cannot store', () => {
  it('refuses a 300-character name before a job is queued', async () => {
    const repo = await core.handlers['repos:create']({
      name: 'Names',
      location: path.join(root, 'repo-names'),
      encryption: 'none',
    });
    const source = path.join(root, 'small');
    await fs.mkdir(source, { recursive: true });
    const jobsBefore = (await core.handlers['jobs:list']({})).length;
    const request = backup(repo.id, source, 'a'.repeat(300));
    await expect(core.handlers['jobs:start-backup'](request)).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringMatching(/^Archive names can have at most 240 characters .* This one has 300\.$/),
    });
    expect(await core.handlers['jobs:list']({})).toHaveLength(jobsBefore);
  });
});

describe('a repository disk that fills up', () => {
  it('says the disk is full, with its free space and what the backup may need', async (ctx) => {
    const disk = path.join(root, 'small-disk');
    await fs.mkdir(disk);
    const said: string[] = [];
    const shell = (command: string) =>
      runHookCommand(command, { timeoutMs: 10_000, onLine: (line) => said.push(line) });
    const mount = await shell(`mount -t tmpfs -o size=8m tmpfs '${disk}'`);
    if (mount.exitCode !== 0) {
      console.log(`skipped: cannot mount a small tmpfs here (${said.join(' ') || 'no output'})`);
      ctx.skip();
    }
    ctx.onTestFinished(async () => {
      await shell(`umount '${disk}'`);
    });
    await core.handlers['settings:update']({ borgPath: TEST_BORG });
    const location = path.join(disk, 'repo');
    const repo = await core.handlers['repos:create']({ name: 'Small', location, encryption: 'none' });
    const source = path.join(root, 'twenty');
    await writeRandom(path.join(source, 'random.bin'), 20);

    const jobId = (await core.handlers['jobs:start-backup'](backup(repo.id, source, 'too-big'))).jobId;
    const job = await finished(jobId);
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('DiskFull');
    expect(job.error?.message).toMatch(
      new RegExp(
        `^The disk holding the repository is full\\. ${location.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has [\\d.]+ [kM]?B free of 8\\.39 MB now; this backup may need up to 21\\.0 MB`,
      ),
    );
    expect(job.error?.remedy).toMatch(
      /^Compact the repository \(Compact… on its screen\).*delete or prune old archives/,
    );
    // The UI offers Compact… for a full repository disk, not for a full cache disk.
    expect(job.error?.fullDisk).toBe('repository');
    expect(job.error?.remedy).not.toMatch(/report/i);
  }, 120_000);
});
