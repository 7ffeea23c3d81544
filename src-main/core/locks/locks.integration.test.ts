/**
 * Repository locks with the real /usr/bin/borg through createCore: a stale lock left by a killed
 * `borg with-lock` (taken under another node id of this host name, which borg 1.2 never removes
 * by itself) is named as stale on this computer and broken; a live lock is named as running, is
 * not broken without confirmation, and Wait (`--lock-wait`) succeeds once its holder finishes or is
 * cancelled while borg waits.
 */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBorg } from '../../borg/exec.js';
import { writeShellProgram } from '../../borg/test-programs.js';
import { TEST_BORG } from '../../borg/test-sandbox.js';
import { killAndWait } from '../test-support/child-core.js';
import { useRealBorgCore } from '../test-support/real-borg-core.js';
import { plainBackup } from '../test-support/test-core.js';

const source = (): string => path.join(t.root, 'src');
const t = useRealBorgCore('borgdesk-locks-', async (root) => {
  await fs.mkdir(path.join(root, 'src'));
  await fs.writeFile(path.join(root, 'src', 'note.txt'), 'kept\n');
});

async function newRepository(name: string): Promise<{ id: string; location: string }> {
  const location = path.join(t.root, name);
  const repo = await t.core.handlers['repos:create']({ name, location, encryption: 'none' });
  return { id: repo.id, location };
}

/**
 * `borg with-lock LOCATION <holder script>`: the script notes its pid and execs sleep. Resolves
 * with borg's and the sleeper's pids once borg holds the lock; `held` settles when borg exits.
 */
async function holdLock(location: string, seconds: number, hostId?: string) {
  const pidFile = path.join(t.root, `holder-${path.basename(location)}-${Date.now()}.pids`);
  const sleeper = await writeShellProgram(
    `${pidFile}.sleep`,
    `echo $$ >> '${pidFile}'\nexec sleep ${seconds}`,
  );
  const borg = await writeShellProgram(
    `${pidFile}.borg`,
    `echo $$ >> '${pidFile}'\n${hostId === undefined ? '' : `BORG_HOST_ID='${hostId}' `}exec ${TEST_BORG} "$@"`,
  );
  const held = runBorg(['with-lock', '--', location, sleeper], { borgPath: borg }).catch((e: unknown) => e);
  for (let i = 0; i < 200; i++) {
    const pids = await fs.readFile(pidFile, 'utf8').catch(() => '');
    if (pids.trim().split('\n').length === 2 && existsSync(path.join(location, 'lock.exclusive')))
      return { pids: pids.trim().split('\n').map(Number), held };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('borg with-lock did not take the lock');
}

describe('a stale lock left by a killed borg', () => {
  it('names the holder as stale on this computer, breaks the lock, and the backup then works', async () => {
    const repo = await newRepository('stale');
    // Same host name, another node id: as after a new network card or a VM's new MAC address.
    const { pids, held } = await holdLock(repo.location, 60, `${os.hostname()}@1`);
    await killAndWait(pids);
    await held;
    expect(existsSync(path.join(repo.location, 'lock.exclusive'))).toBe(true);

    const blocked = (await t.core.handlers['jobs:start-backup'](plainBackup(repo.id, source(), 'first')))
      .jobId;
    expect((await t.finished(blocked)).error).toMatchObject({ code: 'LockTimeout', msgid: 'LockTimeout' });

    const report = await t.core.handlers['locks:status']({ repoId: repo.id });
    expect(report).toMatchObject({ readable: true, locked: true });
    expect(report.holders).toEqual([
      expect.objectContaining({
        hostname: os.hostname(),
        pid: pids[0],
        mode: 'exclusive',
        thisComputer: true,
        alive: false,
        stale: true,
      }),
    ]);
    expect(Date.now() - Date.parse(report.holders[0]?.since ?? '')).toBeLessThan(120_000);

    const after = await t.core.handlers['locks:break']({ repoId: repo.id, confirmedNoOtherBorg: false });
    expect(after).toMatchObject({ locked: false, holders: [] });
    const next = (await t.core.handlers['jobs:start-backup'](plainBackup(repo.id, source(), 'second'))).jobId;
    expect((await t.finished(next)).status).toBe('succeeded');
  });
});

describe('a live lock held by a running borg', () => {
  it('is not broken without confirmation, and Wait succeeds once the holder finishes', async () => {
    const repo = await newRepository('live');
    const { pids, held } = await holdLock(repo.location, 6);
    const blocked = (await t.core.handlers['jobs:start-backup'](plainBackup(repo.id, source(), 'first')))
      .jobId;
    expect((await t.finished(blocked)).error).toMatchObject({ code: 'LockTimeout' });

    const report = await t.core.handlers['locks:status']({ repoId: repo.id });
    expect(report.holders).toEqual([
      expect.objectContaining({ pid: pids[0], thisComputer: true, alive: true, stale: false }),
    ]);
    await expect(
      t.core.handlers['locks:break']({ repoId: repo.id, confirmedNoOtherBorg: false }),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
    expect(existsSync(path.join(repo.location, 'lock.exclusive'))).toBe(true);

    const waited = (await t.core.handlers['locks:wait-and-retry']({ jobId: blocked, lockWaitSeconds: 60 }))
      .jobId;
    // The running card names the wait and the holder; the log starts with the command borg runs.
    const waiting = await t.recorder.waitFor(
      'job:updated',
      (job) => job.id === waited && job.status === 'running',
      30_000,
    );
    expect(waiting.waitingFor).toBe(
      `Waiting up to 60 s for the lock held by borg (pid ${pids[0]}) on this computer`,
    );
    const done = await t.finished(waited);
    expect(done.status).toBe('succeeded');
    expect(done.waitingFor).toBeUndefined();
    expect(done.result?.archive.name).toBe('first');
    const log = (await t.core.handlers['jobs:log']({ jobId: waited })).map((l) => l.message);
    expect(log[0]).toMatch(/^Running: borg --lock-wait=60 create --progress --json .*::first /);
    expect(log[1]).toBe("Borg waits up to 60 s for the repository's lock (--lock-wait).");
    // It could only succeed after the holder let go.
    expect(await held).toMatchObject({ exitCode: 0 });
  });

  it('cancels a Wait while borg waits for the lock, and the holder keeps its lock', async () => {
    const repo = await newRepository('cancelled-wait');
    const { pids, held } = await holdLock(repo.location, 60);
    const blocked = (await t.core.handlers['jobs:start-backup'](plainBackup(repo.id, source(), 'first')))
      .jobId;
    await t.finished(blocked);
    const waited = (await t.core.handlers['locks:wait-and-retry']({ jobId: blocked, lockWaitSeconds: 600 }))
      .jobId;
    await t.recorder.waitFor('job:updated', (job) => job.id === waited && job.status === 'running', 30_000);
    // Let borg reach its wait for the lock before cancelling.
    await new Promise((r) => setTimeout(r, 1500));
    const startedCancel = Date.now();
    expect(await t.core.handlers['jobs:cancel']({ jobId: waited })).toEqual({ cancelled: true });
    expect((await t.finished(waited)).status).toBe('cancelled');
    expect(Date.now() - startedCancel).toBeLessThan(15_000);
    const report = await t.core.handlers['locks:status']({ repoId: repo.id });
    expect(report.holders).toEqual([expect.objectContaining({ pid: pids[0], alive: true })]);
    await killAndWait(pids);
    await held;
  });
});
