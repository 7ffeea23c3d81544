/**
 * The core end to end with the real /usr/bin/borg: temp BORG_BASE_DIR, temp config dir, temp
 * repositories and source folders, all removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupRequest, JobSnapshot } from '../model/job.js';
import { createCore } from './create-core.js';
import { createMemorySecretStore } from './secrets/memory-secret-store.js';
import type { Core, Services } from './services.js';
import { resolveAppPaths } from './settings/app-paths.js';
import { EventRecorder } from './test-support/event-recorder.js';

const PASSPHRASE = 'correct horse battery staple 7f3a';
const FILE_COUNT = 12;
// Big enough that borg reports progress after reading data, not only at its start (a 36 MiB source
// was read in half a second on a fast run, before any progress event carried a size).
const FILE_MIB = 8;

let root: string;
let home: string;
let source: string;
let bigSource: string;
const savedEnv = {
  BORG_BASE_DIR: process.env['BORG_BASE_DIR'],
  BORGDESK_CONFIG_DIR: process.env['BORGDESK_CONFIG_DIR'],
};
const cores: Core[] = [];

async function startCore(configDir: string): Promise<Core> {
  const services: Services = {
    host: 'browser',
    platform: process.platform,
    env: process.env,
    paths: resolveAppPaths(process.platform, { ...process.env, BORGDESK_CONFIG_DIR: configDir }, home),
    secrets: createMemorySecretStore(),
    clock: { now: () => Date.now() },
  };
  const core = await createCore(services);
  cores.push(core);
  return core;
}

function backupRequest(repoId: string, sourcePaths: string[], archiveName: string): BackupRequest {
  return { repoId, sourcePaths, archiveName, compression: 'lz4', excludeCaches: true, excludePatterns: [] };
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-core-it-'));
  home = path.join(root, 'home');
  source = path.join(root, 'source');
  bigSource = path.join(root, 'big-source');
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  await fs.mkdir(path.join(source, 'nested'), { recursive: true });
  await fs.mkdir(home, { recursive: true });
  for (let i = 0; i < FILE_COUNT; i++) {
    const dir = i % 2 === 0 ? source : path.join(source, 'nested');
    await fs.writeFile(path.join(dir, `file-${i}.bin`), randomBytes(FILE_MIB * 1024 * 1024));
  }
  // Large sparse files cost no disk space, but borg still reads and chunks every byte, which keeps
  // a backup running long enough to cancel it. Several files, because borg 1.2 finishes the
  // current file (and writes a checkpoint) before it obeys SIGINT.
  await fs.mkdir(bigSource, { recursive: true });
  for (let i = 0; i < 64; i++) {
    const handle = await fs.open(path.join(bigSource, `sparse-${i}.img`), 'w');
    await handle.truncate(128 * 1024 ** 2);
    await handle.close();
  }
});

afterAll(async () => {
  await Promise.all(cores.map((c) => c.dispose()));
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await fs.rm(root, { recursive: true, force: true });
});

describe('createCore with real borg', () => {
  const configDir = () => path.join(root, 'config');
  const repoPath = () => path.join(root, 'repos', 'encrypted');
  let core: Core;
  let repoId: string;

  it('creates an encrypted repository and reports status', async () => {
    core = await startCore(configDir());
    const recorder = new EventRecorder(core);
    const status = await core.handlers['app:status']({});
    expect(status.borg.state).toBe('ok');
    expect(status.firstRun).toBe(true);
    expect(status.defaults.sourcePaths).toEqual([home]);

    const repo = await core.handlers['repos:create']({
      name: 'Encrypted',
      location: repoPath(),
      encryption: 'repokey-blake2',
      passphrase: PASSPHRASE,
    });
    repoId = repo.id;
    expect(repo).toMatchObject({
      name: 'Encrypted',
      location: repoPath(),
      needsPassphrase: true,
      unlocked: true,
    });
    expect(
      recorder
        .of('repos:changed')
        .at(-1)
        ?.map((r) => r.id),
    ).toEqual([repo.id]);
    expect((await core.handlers['app:status']({})).firstRun).toBe(false);
    await core.handlers['settings:update']({ defaultCompression: 'zstd,3' });
    recorder.stop();
  });

  it('rejects a duplicate location and an empty name with clear errors', async () => {
    await expect(
      core.handlers['repos:add-existing']({
        name: 'Again',
        location: `${repoPath()}/`,
        passphrase: PASSPHRASE,
      }),
    ).rejects.toMatchObject({ code: 'DuplicateRepository' });
    await expect(
      core.handlers['repos:create']({ name: '  ', location: path.join(root, 'x'), encryption: 'none' }),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
  });

  it('backs up a folder with live progress and records the archive', async () => {
    const recorder = new EventRecorder(core);
    const { jobId } = await core.handlers['jobs:start-backup'](
      backupRequest(repoId, [source], 'first-{now}'),
    );
    const finished = await recorder.waitFor('job:finished', (j) => j.id === jobId, 60_000);
    expect(finished.status).toBe('succeeded');
    expect(finished.result?.archive.fileCount).toBe(FILE_COUNT);
    expect(finished.result?.archive.name).toMatch(/^first-\d{4}-/);

    const progress = recorder.of('job:progress').filter((p) => p.jobId === jobId);
    expect(progress.length).toBeGreaterThan(0);
    const sizes = progress.map((p) => (p.progress.kind === 'backup' ? p.progress.originalSize : -1));
    expect(sizes.every((s) => s >= 0)).toBe(true);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect(sizes.at(-1)).toBeGreaterThan(0);
    // The final progress arrives before the finished event.
    const finishedIndex = recorder.events.findIndex((e) => e.event === 'job:finished');
    const lastProgressIndex = recorder.events.findLastIndex((e) => e.event === 'job:progress');
    expect(lastProgressIndex).toBeLessThan(finishedIndex);

    const changed = await recorder.waitFor('repos:changed', (list) =>
      list.some((r) => r.lastBackupAt !== undefined),
    );
    expect(changed.find((r) => r.id === repoId)?.lastBackupAt).toBeDefined();
    const statuses = recorder
      .of('job:updated')
      .filter((j) => j.id === jobId)
      .map((j) => j.status);
    expect(statuses.slice(0, 2)).toEqual(['queued', 'running']);
    expect(await core.handlers['jobs:log']({ jobId })).toBeInstanceOf(Array);
    recorder.stop();
  });

  it('lists the archive with stats in the repository details', async () => {
    const details = await core.handlers['repos:details']({ repoId });
    expect(details.archives).toHaveLength(1);
    expect(details.archives[0]?.fileCount).toBe(FILE_COUNT);
    expect(details.archives[0]?.originalSize).toBeGreaterThan(FILE_COUNT * FILE_MIB * 1024 * 1024 - 1);
    expect(details.stats?.dedupRatio).toBeGreaterThan(0);
    expect(details.repository.lastBackupAt).toBeDefined();
  });

  it('runs two backups of one repository one after the other', async () => {
    const recorder = new EventRecorder(core);
    const first = await core.handlers['jobs:start-backup'](backupRequest(repoId, [source], 'queue-a-{now}'));
    const second = await core.handlers['jobs:start-backup'](backupRequest(repoId, [source], 'queue-b-{now}'));
    await recorder.waitFor('job:updated', (j) => j.id === first.jobId && j.status === 'running');
    const listed = await core.handlers['jobs:list']({});
    expect(listed.find((j) => j.id === second.jobId)?.status).toBe('queued');
    await recorder.waitFor('job:finished', (j) => j.id === second.jobId, 60_000);
    const order = recorder.events
      .filter((e) => e.event === 'job:updated' || e.event === 'job:finished')
      .map(
        (e) =>
          `${e.event}:${(e.payload as JobSnapshot).id === first.jobId ? 'a' : 'b'}:${(e.payload as JobSnapshot).status}`,
      );
    expect(order.indexOf('job:finished:a:succeeded')).toBeGreaterThan(-1);
    expect(order.indexOf('job:updated:b:running')).toBeGreaterThan(order.indexOf('job:finished:a:succeeded'));
    recorder.stop();
  });

  it('cancels a queued and a running backup', async () => {
    const recorder = new EventRecorder(core);
    const running = await core.handlers['jobs:start-backup'](backupRequest(repoId, [bigSource], 'big-{now}'));
    const queued = await core.handlers['jobs:start-backup'](backupRequest(repoId, [source], 'never-{now}'));
    // Wait until borg is well into the files, so the progress has visibly grown.
    await recorder.waitFor(
      'job:progress',
      (p) =>
        p.jobId === running.jobId &&
        p.progress.kind === 'backup' &&
        p.progress.originalSize > 256 * 1024 ** 2,
    );
    expect(await core.handlers['jobs:cancel']({ jobId: queued.jobId })).toEqual({ cancelled: true });
    expect(await core.handlers['jobs:cancel']({ jobId: running.jobId })).toEqual({ cancelled: true });
    const [a, b] = await Promise.all([
      recorder.waitFor('job:finished', (j) => j.id === running.jobId, 60_000),
      recorder.waitFor('job:finished', (j) => j.id === queued.jobId),
    ]);
    expect(a.status).toBe('cancelled');
    const sizes = recorder
      .of('job:progress')
      .filter((p) => p.jobId === running.jobId)
      .map((p) => (p.progress.kind === 'backup' ? p.progress.originalSize : 0));
    expect(sizes.length).toBeGreaterThan(1);
    expect(new Set(sizes).size).toBeGreaterThan(1);
    expect([...sizes].sort((x, y) => x - y)).toEqual(sizes);
    expect(b.status).toBe('cancelled');
    expect(b.startedAt).toBeUndefined();
    expect(await core.handlers['jobs:cancel']({ jobId: running.jobId })).toEqual({ cancelled: false });
    const archives = (await core.handlers['repos:details']({ repoId })).archives.map((x) => x.name);
    expect(archives.some((n) => n.startsWith('big-') && !n.includes('.checkpoint'))).toBe(false);
    expect(archives.some((n) => n.startsWith('never-'))).toBe(false);
    recorder.stop();
  });

  it('persists settings and repositories without the passphrase', async () => {
    await core.dispose();
    const again = await startCore(configDir());
    const repos = await again.handlers['repos:list']({});
    expect(repos).toHaveLength(1);
    expect(repos[0]).toMatchObject({
      id: repoId,
      location: repoPath(),
      needsPassphrase: true,
      unlocked: false,
    });
    expect(repos[0]?.lastBackupAt).toBeDefined();
    expect(await again.handlers['settings:get']({})).toMatchObject({
      borgPath: '',
      defaultCompression: 'zstd,3',
    });
    for (const name of await fs.readdir(configDir(), { recursive: true })) {
      const file = path.join(configDir(), name);
      if ((await fs.stat(file)).isFile()) expect(await fs.readFile(file, 'utf8')).not.toContain(PASSPHRASE);
    }
    expect((await fs.readdir(configDir())).sort()).toEqual(['history', 'repositories.json', 'settings.json']);
    // Every backup of the first run (three done, two cancelled) is in the history after the restart
    // (beside the `borg init` that created the repository).
    const history = await again.handlers['history:list']({ limit: 500 });
    expect(history.entries.filter((e) => e.kind === 'init')).toHaveLength(1);
    expect(history.entries.flatMap((e) => (e.kind === 'backup' ? [e.status] : [])).sort()).toEqual([
      'cancelled',
      'cancelled',
      'succeeded',
      'succeeded',
      'succeeded',
    ]);

    // Locked after a restart: details and backups ask for the passphrase; unlock checks it.
    await expect(again.handlers['repos:details']({ repoId })).rejects.toMatchObject({
      code: 'PassphraseRequired',
    });
    await expect(
      again.handlers['jobs:start-backup'](backupRequest(repoId, [source], 'locked-{now}')),
    ).rejects.toMatchObject({ code: 'PassphraseRequired' });
    await expect(again.handlers['repos:unlock']({ repoId, passphrase: 'wrong' })).rejects.toMatchObject({
      code: 'PassphraseWrong',
    });
    expect((await again.handlers['repos:unlock']({ repoId, passphrase: PASSPHRASE })).unlocked).toBe(true);
    core = again;
  });

  it('adds an existing repository: passphrase required, wrong, then right', async () => {
    const other = await startCore(path.join(root, 'config-other'));
    await expect(
      other.handlers['repos:add-existing']({ name: 'Mine', location: repoPath() }),
    ).rejects.toMatchObject({ code: 'PassphraseRequired' });
    await expect(
      other.handlers['repos:add-existing']({ name: 'Mine', location: repoPath(), passphrase: 'nope' }),
    ).rejects.toMatchObject({ code: 'PassphraseWrong' });
    expect(await other.handlers['repos:list']({})).toEqual([]);
    const added = await other.handlers['repos:add-existing']({
      name: 'Mine',
      location: repoPath(),
      passphrase: PASSPHRASE,
    });
    expect(added).toMatchObject({
      needsPassphrase: true,
      unlocked: true,
      encryption: expect.stringMatching(/repokey/),
    });
    const details = await other.handlers['repos:details']({ repoId: added.id });
    // Newest first; a cancelled backup may have left a checkpoint, which is newer still.
    const names = details.archives.map((a) => a.name).filter((n) => !n.endsWith('.checkpoint'));
    expect(names.map((n) => n.split('-')[0])).toEqual(['queue', 'queue', 'first']);
    expect(names[0]).toMatch(/^queue-b-/);
  });

  it('adds an unencrypted repository created elsewhere once the user says yes to borg’s question, no passphrase', async () => {
    const creator = await startCore(path.join(root, 'config-creator'));
    const plainPath = path.join(root, 'repos', 'plain');
    await creator.handlers['repos:create']({ name: 'Plain', location: plainPath, encryption: 'none' });
    // A fresh borg base dir: borg has never seen this repository, so it would ask before opening it.
    process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base-2');
    try {
      const other = await startCore(path.join(root, 'config-plain'));
      // Borg's question comes back to the UI (its words included); nothing is added without the yes.
      await expect(
        other.handlers['repos:add-existing']({ name: 'Plain', location: plainPath }),
      ).rejects.toMatchObject({
        code: 'PromptRefused',
        msgid: 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK',
        question: expect.stringContaining('previously unknown unencrypted repository'),
      });
      expect(await other.handlers['repos:list']({})).toEqual([]);
      const consentedPrompts = ['BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK'];
      const added = await other.handlers['repos:add-existing']({
        name: 'Plain',
        location: plainPath,
        consentedPrompts,
      });
      expect(added).toMatchObject({ needsPassphrase: false, unlocked: true, encryption: 'none' });
      const recorder = new EventRecorder(other);
      const { jobId } = await other.handlers['jobs:start-backup'](
        backupRequest(added.id, [source], 'plain-{now}'),
      );
      expect((await recorder.waitFor('job:finished', (j) => j.id === jobId, 60_000)).status).toBe(
        'succeeded',
      );
    } finally {
      process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
    }
  });

  it('explains a missing source folder, an unknown repository and a missing job', async () => {
    await expect(
      core.handlers['jobs:start-backup'](backupRequest(repoId, [path.join(root, 'missing')], 'x')),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
    await expect(core.handlers['repos:details']({ repoId: 'nope' })).rejects.toMatchObject({
      code: 'NotFound',
    });
    await expect(core.handlers['jobs:log']({ jobId: 'nope' })).rejects.toMatchObject({ code: 'NotFound' });
    expect(await core.handlers['dialog:choose-folders']({ title: 'x', multiple: true })).toEqual({
      supported: false,
      paths: [],
    });
  });

  it('removes a repository without touching its data', async () => {
    expect(await core.handlers['repos:remove']({ repoId })).toEqual({ removed: true });
    expect(await core.handlers['repos:list']({})).toEqual([]);
    expect((await fs.stat(path.join(repoPath(), 'config'))).isFile()).toBe(true);
    expect(await core.handlers['repos:remove']({ repoId })).toEqual({ removed: false });
  });
});
