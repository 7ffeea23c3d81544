/**
 * Backups that fail for a reason outside Borgdesk, through createCore with the real /usr/bin/borg:
 * borg killed with SIGKILL mid-backup (twice: the second time just after the next run removed the
 * stale lock), and a repository on a disk that is too small (an 8 MiB tmpfs, where mounting is
 * allowed). The job must say what happened, and the next backup and `borg check` must succeed.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBorg } from '../../borg/exec.js';
import { runHookCommand } from '../../borg/hook-command.js';
import { writeShellProgram } from '../../borg/test-programs.js';
import { TEST_BORG } from '../../borg/test-sandbox.js';
import type { BackupRequest } from '../../model/job.js';
import { useRealBorgCore } from '../test-support/real-borg-core.js';

const t = useRealBorgCore('borgdesk-borg-failures-');

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

describe('borg killed with SIGKILL mid-backup', () => {
  it('says borg was stopped by signal 9, also when the next run is killed after removing the stale lock', async () => {
    // The wrapper keeps borg's pid (exec), so the test can kill borg itself and not Borgdesk.
    const pids = path.join(t.root, 'borg.pids');
    const wrapper = await writeShellProgram(
      path.join(t.root, 'borg-wrapper'),
      `echo $$ >> '${pids}'\nexec ${TEST_BORG} "$@"`,
    );
    await t.core.handlers['settings:update']({ borgPath: wrapper });
    const location = path.join(t.root, 'repo');
    const repo = await t.core.handlers['repos:create']({ name: 'Killed', location, encryption: 'none' });
    const source = path.join(t.root, 'big');
    await writeRandom(path.join(source, 'random.bin'), 300);
    const killBorgWhen = async (ready: Promise<unknown>): Promise<void> => {
      await ready;
      const pid = Number((await fs.readFile(pids, 'utf8')).trim().split('\n').pop());
      process.kill(pid, 'SIGKILL');
    };

    const first = (await t.core.handlers['jobs:start-backup'](backup(repo.id, source, 'first'))).jobId;
    await killBorgWhen(t.recorder.waitFor('job:progress', (p) => p.jobId === first));
    expect((await t.finished(first)).error).toMatchObject({
      code: 'Interrupted',
      message: 'Borg was stopped by signal 9 (SIGKILL).',
    });

    // The next run removes the killed run's lock (WARNINGs); kill it right after that.
    const second = (await t.core.handlers['jobs:start-backup'](backup(repo.id, source, 'second'))).jobId;
    await killBorgWhen(
      t.recorder.waitFor(
        'job:log',
        (l) => l.jobId === second && l.entries.some((e) => /stale/.test(e.message)),
      ),
    );
    const killedAgain = await t.finished(second);
    expect(killedAgain.error).toMatchObject({
      code: 'Interrupted',
      message: 'Borg was stopped by signal 9 (SIGKILL).',
    });
    expect(killedAgain.error?.message).not.toMatch(/stale/);

    const third = (await t.core.handlers['jobs:start-backup'](backup(repo.id, source, 'third'))).jobId;
    const thirdJob = await t.finished(third);
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
    const repo = await t.core.handlers['repos:create']({
      name: 'Names',
      location: path.join(t.root, 'repo-names'),
      encryption: 'none',
    });
    const source = path.join(t.root, 'small');
    await fs.mkdir(source, { recursive: true });
    const jobsBefore = (await t.core.handlers['jobs:list']({})).length;
    const request = backup(repo.id, source, 'a'.repeat(300));
    await expect(t.core.handlers['jobs:start-backup'](request)).rejects.toMatchObject({
      code: 'InvalidInput',
      message: expect.stringMatching(/^Archive names can have at most 240 characters .* This one has 300\.$/),
    });
    expect(await t.core.handlers['jobs:list']({})).toHaveLength(jobsBefore);
  });
});

describe('a repository disk that fills up', () => {
  it('says the disk is full, with its free space and what the backup may need', async (ctx) => {
    const disk = path.join(t.root, 'small-disk');
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
    await t.core.handlers['settings:update']({ borgPath: TEST_BORG });
    const location = path.join(disk, 'repo');
    const repo = await t.core.handlers['repos:create']({ name: 'Small', location, encryption: 'none' });
    const source = path.join(t.root, 'twenty');
    await writeRandom(path.join(source, 'random.bin'), 20);

    const jobId = (await t.core.handlers['jobs:start-backup'](backup(repo.id, source, 'too-big'))).jobId;
    const job = await t.finished(jobId);
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
