/**
 * Backups that are killed, with the real /usr/bin/borg: the host (a core in a child Node process)
 * SIGKILLed mid-backup and restarted, borg itself SIGKILLed while the host lives, and borg stopped
 * with SIGINT so that it leaves a `.checkpoint` archive. Each time History tells the truth, nothing
 * counts the broken run as the last good backup, the next backup succeeds and `borg check` is clean;
 * the checkpoint is then deleted as Delete partial does.
 * Temp config, home, BORG_BASE_DIR and repositories, all removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../model/history.js';
import type { Core } from '../services.js';
import { EventRecorder } from '../test-support/event-recorder.js';
import {
  borgCli,
  borgPidsFor,
  bundleChildCore,
  killAndWait,
  startChildCore,
  type ChildCore,
} from '../test-support/child-core.js';
import { plainBackup, startTestCore } from '../test-support/test-core.js';
import { historyPaths } from './history-files.js';
import {
  INTERRUPTED_CODE,
  isCheckpointArchive,
  isCompleteBackup,
  lastGoodBackup,
} from '../../model/last-good-backup.js';

const PASSPHRASE = 'killed backups 7d2f';
// Big enough that borg needs a few seconds (incompressible, stored uncompressed), small enough for CI.
const BIG_FILES = 40;
const BIG_FILE_BYTES = 5 * 1024 * 1024;

const canRun =
  process.platform === 'linux' && existsSync('/usr/bin/borg') && existsSync('/proc/self/cmdline');
if (!canRun) console.warn('[skip] killed-backup tests need Linux with /proc and /usr/bin/borg');

let root: string;
let home: string;
let borgBase: string;
let small: string;
let big: string;
let script: string;
const savedBase = process.env['BORG_BASE_DIR'];
let children: ChildCore[] = [];
let cores: Core[] = [];
let repoPaths: string[] = [];

beforeAll(async () => {
  if (!canRun) return;
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-killed-'));
  home = path.join(root, 'home');
  borgBase = path.join(root, 'borg-base');
  small = path.join(root, 'small');
  big = path.join(root, 'big');
  process.env['BORG_BASE_DIR'] = borgBase;
  for (const dir of [home, small, big]) await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(small, 'note.txt'), 'a small first backup\n');
  for (let i = 0; i < BIG_FILES; i++)
    await fs.writeFile(path.join(big, `f${i}.bin`), randomBytes(BIG_FILE_BYTES));
  script = await bundleChildCore(root);
});

afterEach(async () => {
  // Whatever a failed test left running: the child hosts, their borg, the in-process cores.
  await Promise.all(children.map((c) => c.kill()));
  for (const repo of repoPaths) await killAndWait(await borgPidsFor(repo));
  await Promise.all(cores.map((c) => c.dispose()));
  children = [];
  cores = [];
  repoPaths = [];
});

afterAll(async () => {
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  if (root !== undefined) await fs.rm(root, { recursive: true, force: true });
});

async function startCore(configDir: string): Promise<Core> {
  const core = await startTestCore({ configDir, homeDir: home });
  cores.push(core);
  return core;
}

async function waitUntil(test: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Start a backup in `core` and wait until borg is into it (it reported bytes read).
async function startBigBackup(core: Core, repoId: string, archiveName: string): Promise<string> {
  const recorder = new EventRecorder(core);
  const { jobId } = await core.handlers['jobs:start-backup'](plainBackup(repoId, big, archiveName));
  await recorder.waitFor(
    'job:progress',
    (p) => p.jobId === jobId && p.progress.kind === 'backup' && (p.progress.originalSize ?? 0) > 0,
    30_000,
  );
  recorder.stop();
  return jobId;
}

// The next backup after a kill: it must succeed (borg removes the dead process's stale lock itself).
async function backUpAgain(core: Core, repoId: string, archiveName: string): Promise<HistoryEntry> {
  const recorder = new EventRecorder(core);
  const { jobId } = await core.handlers['jobs:start-backup'](plainBackup(repoId, small, archiveName));
  const entry = await recorder.waitFor('history:added', (e) => e.id === jobId, 60_000);
  recorder.stop();
  return entry;
}

async function expectCleanCheck(repo: string): Promise<void> {
  const check = await borgCli(['check', repo], PASSPHRASE, borgBase);
  expect(check.output).not.toMatch(/error|damaged|missing/i);
  expect(check.exitCode).toBe(0);
}

describe.runIf(canRun)('backups killed mid-run, with real borg', () => {
  it('lists a backup whose host was SIGKILLed as interrupted after a restart, never as the last success', async () => {
    const configDir = path.join(root, 'config-host-kill');
    const repo = path.join(root, 'repo-host-kill');
    repoPaths.push(repo);
    const child = startChildCore(
      script,
      {
        configDir,
        homeDir: home,
        repoLocation: repo,
        passphrase: PASSPHRASE,
        smallSource: small,
        bigSource: big,
      },
      borgBase,
    );
    children.push(child);
    const ready = await child.waitFor((r) => r.type === 'ready', 40_000);
    const started = await child.waitFor((r) => r.type === 'started', 10_000);
    if (ready.type !== 'ready' || started.type !== 'started') throw new Error('unexpected reports');
    const jobId = started.jobId;
    await child.waitFor(
      (r) =>
        r.type === 'event' && r.event === 'job:progress' && r.jobId === jobId && (r.originalSize ?? 0) > 0,
      30_000,
    );
    const marker = historyPaths(path.join(configDir, 'history')).marker(jobId);
    await waitUntil(async () => existsSync(marker), 5000, 'the running marker');
    const borgs = await borgPidsFor(repo);
    expect(borgs.length).toBeGreaterThan(0);
    expect(
      child.reports.some((r) => r.type === 'event' && r.event === 'job:finished' && r.jobId === jobId),
    ).toBe(false);

    await child.kill();
    // borg runs in its own session: it outlives the host, as it would after a real crash.
    expect((await borgPidsFor(repo)).length).toBeGreaterThan(0);
    await killAndWait(borgs);

    const core = await startCore(configDir);
    const { entries } = await core.handlers['history:list']({ limit: 10 });
    const interrupted = entries.find((e) => e.id === jobId);
    expect(interrupted).toMatchObject({
      kind: 'backup',
      repoId: ready.repoId,
      status: 'interrupted',
      error: { code: 'BorgdeskStopped', message: 'Borgdesk stopped while it ran.' },
    });
    expect(entries.find((e) => e.id === ready.smallJobId)?.status).toBe('succeeded');
    const log = (await core.handlers['history:log']({ id: jobId })).map((l) => l.message);
    expect(log[0]).toMatch(/^Running: borg create .*::big/);
    expect(log.at(-1)).toMatch(/^Borgdesk stopped while it ran\./);
    expect(existsSync(marker)).toBe(false);
    // The one rule: the interrupted run is newer, but the small backup is the last good one.
    expect(interrupted !== undefined && isCompleteBackup(interrupted)).toBe(false);
    expect(lastGoodBackup(entries)?.id).toBe(ready.smallJobId);

    await core.handlers['repos:unlock']({ repoId: ready.repoId, passphrase: PASSPHRASE });
    const details = await core.handlers['repos:details']({ repoId: ready.repoId });
    const names = details.archives.map((a) => a.name);
    expect(names.filter((n) => !isCheckpointArchive(n))).toEqual(['small']);
    const smallArchive = details.archives.find((a) => a.name === 'small');
    expect(Date.parse(details.repository.lastBackupAt ?? '')).toBe(
      Date.parse(smallArchive?.end ?? smallArchive?.start ?? 'x'),
    );

    const next = await backUpAgain(core, ready.repoId, 'after-host-kill');
    expect(next.status).toBe('succeeded');
    await core.dispose();
    await expectCleanCheck(repo);
  });

  it('ends a backup whose borg was SIGKILLed as failed, and the next one succeeds', async () => {
    const repo = path.join(root, 'repo-borg-kill');
    repoPaths.push(repo);
    const core = await startCore(path.join(root, 'config-borg-kill'));
    const { id: repoId } = await core.handlers['repos:create']({
      name: 'Borg killed',
      location: repo,
      encryption: 'repokey-blake2',
      passphrase: PASSPHRASE,
    });
    const recorder = new EventRecorder(core);
    const jobId = await startBigBackup(core, repoId, 'big');
    await killAndWait(await borgPidsFor(repo));
    const failed = await recorder.waitFor('history:added', (e) => e.id === jobId, 30_000);
    recorder.stop();
    expect(failed).toMatchObject({ status: 'failed', error: { code: expect.any(String) } });
    // Borgdesk lived on: this is borg's failure (its words come from borg/errors.ts), not an interruption.
    expect(failed.error?.code).not.toBe(INTERRUPTED_CODE);
    expect(isCompleteBackup(failed)).toBe(false);

    const next = await backUpAgain(core, repoId, 'after-borg-kill');
    expect(next.status).toBe('succeeded');
    const { entries } = await core.handlers['history:list']({ limit: 10 });
    expect(lastGoodBackup(entries)?.id).toBe(next.id);
    await core.dispose();
    await expectCleanCheck(repo);
  });

  it('never takes the .checkpoint archive of a backup stopped with SIGINT for the last backup', async () => {
    const repo = path.join(root, 'repo-checkpoint');
    repoPaths.push(repo);
    const core = await startCore(path.join(root, 'config-checkpoint'));
    const { id: repoId } = await core.handlers['repos:create']({
      name: 'Checkpoint',
      location: repo,
      encryption: 'repokey-blake2',
      passphrase: PASSPHRASE,
    });
    const first = await backUpAgain(core, repoId, 'first');
    expect(first.status).toBe('succeeded');
    const recorder = new EventRecorder(core);
    const jobId = await startBigBackup(core, repoId, 'big');
    // SIGINT from outside (as a logout would send): borg saves a checkpoint and stops.
    for (const pid of await borgPidsFor(repo)) process.kill(pid, 'SIGINT');
    const stopped = await recorder.waitFor('history:added', (e) => e.id === jobId, 30_000);
    recorder.stop();
    expect(stopped.status).not.toBe('succeeded');

    const details = await core.handlers['repos:details']({ repoId });
    const names = details.archives.map((a) => a.name);
    expect(names).toContain('big.checkpoint');
    // The checkpoint is the newest archive, yet the repository's last backup is still the first one.
    expect(details.archives[0]?.name).toBe('big.checkpoint');
    const firstArchive = details.archives.find((a) => a.name === 'first');
    expect(Date.parse(details.repository.lastBackupAt ?? '')).toBe(
      Date.parse(firstArchive?.end ?? firstArchive?.start ?? 'x'),
    );
    expect((await core.handlers['repos:list']({})).find((r) => r.id === repoId)?.lastBackupAt).toBe(
      details.repository.lastBackupAt,
    );
    const next = await backUpAgain(core, repoId, 'after-checkpoint');
    expect(next.status).toBe('succeeded');

    // Delete partial (offered once a complete backup follows the checkpoint): the checkpoint goes,
    // the complete backups stay, and the job's log starts with the command.
    const deleting = new EventRecorder(core);
    const { jobId: deleteId } = await core.handlers['archives:delete']({
      repoId,
      archiveName: 'big.checkpoint',
    });
    expect((await deleting.waitFor('history:added', (e) => e.id === deleteId, 60_000)).status).toBe(
      'succeeded',
    );
    deleting.stop();
    const deleteLog = await core.handlers['history:log']({ id: deleteId });
    expect(deleteLog[0]?.message).toBe(`Running: borg delete --list --progress -- ${repo}::big.checkpoint`);
    const left = (await core.handlers['repos:details']({ repoId })).archives.map((a) => a.name);
    expect(left.sort()).toEqual(['after-checkpoint', 'first']);
    await core.dispose();
    await expectCleanCheck(repo);
  });
});
