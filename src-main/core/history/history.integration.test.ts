/**
 * The job history through createCore with the real /usr/bin/borg: temp BORG_BASE_DIR, config dir,
 * repository and sources, all removed afterwards.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupRequest } from '../../model/job.js';
import type { Core } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';
import { EventRecorder } from '../test-support/event-recorder.js';

const PASSPHRASE = 'history passphrase 5c1e-never-stored';
const FILE_COUNT = 5;

let root: string;
let home: string;
let source: string;
const savedBase = process.env['BORG_BASE_DIR'];
const cores: Core[] = [];

async function startCore(configDir: string): Promise<Core> {
  const core = await startTestCore({ configDir, homeDir: home });
  cores.push(core);
  return core;
}

function backup(repoId: string, archiveName: string): BackupRequest {
  return {
    repoId,
    sourcePaths: [source],
    archiveName,
    compression: 'lz4',
    excludeCaches: false,
    excludePatterns: [],
  };
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(full)));
    else found.push(full);
  }
  return found;
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-history-it-'));
  home = path.join(root, 'home');
  source = path.join(root, 'source');
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  await fs.mkdir(home, { recursive: true });
  await fs.mkdir(source, { recursive: true });
  for (let i = 0; i < FILE_COUNT; i++)
    await fs.writeFile(path.join(source, `f${i}.bin`), randomBytes(64 * 1024));
});

afterAll(async () => {
  await Promise.all(cores.map((c) => c.dispose()));
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

describe('job history with real borg', () => {
  const configDir = () => path.join(root, 'config');
  let core: Core;
  let repoId: string;
  let backupId: string;
  let failedId: string;
  let cancelledId: string;

  it('records a backup with its stats and its log', async () => {
    core = await startCore(configDir());
    const repo = await core.handlers['repos:create']({
      name: 'Vault',
      location: path.join(root, 'repo'),
      encryption: 'repokey-blake2',
      passphrase: PASSPHRASE,
    });
    repoId = repo.id;
    // Creating it ran `borg init`, which the history keeps too (under no id: it had none yet).
    const created = await core.handlers['history:list']({ limit: 10 });
    expect(created.entries.map((e) => [e.kind, e.repoName, e.status])).toEqual([
      ['init', 'Vault', 'succeeded'],
    ]);

    const recorder = new EventRecorder(core);
    backupId = (await core.handlers['jobs:start-backup'](backup(repoId, 'fixed-name'))).jobId;
    const added = await recorder.waitFor('history:added', (e) => e.id === backupId, 60_000);
    recorder.stop();
    expect(added).toMatchObject({
      kind: 'backup',
      repoId,
      repoName: 'Vault',
      trigger: 'manual',
      status: 'succeeded',
      stats: { fileCount: FILE_COUNT, archiveName: 'fixed-name' },
    });
    expect(added.stats?.originalSize).toBeGreaterThanOrEqual(FILE_COUNT * 64 * 1024);
    expect(added.stats?.deduplicatedSize).toBeGreaterThan(0);
    expect(Date.parse(added.finishedAt)).toBeGreaterThanOrEqual(Date.parse(added.startedAt));
    expect(added.durationMs).toBe(Date.parse(added.finishedAt) - Date.parse(added.startedAt));

    const listed = await core.handlers['history:list']({ limit: 10 });
    expect(listed.entries).toEqual([added, created.entries[0]]);
    const log = await core.handlers['history:log']({ id: backupId });
    expect(log).toHaveLength(added.logLineCount);
    expect(log.some((l) => l.message.startsWith('Running: borg create'))).toBe(true);
    expect(log.map((l) => l.message).join('\n')).not.toContain(PASSPHRASE);
  });

  it('records a failed and a cancelled backup with their status', async () => {
    const recorder = new EventRecorder(core);
    // borg refuses a second archive of the same name: a real borg failure.
    failedId = (await core.handlers['jobs:start-backup'](backup(repoId, 'fixed-name'))).jobId;
    cancelledId = (await core.handlers['jobs:start-backup'](backup(repoId, 'never-{now}'))).jobId;
    expect(await core.handlers['jobs:cancel']({ jobId: cancelledId })).toEqual({ cancelled: true });
    const [failed, cancelled] = await Promise.all([
      recorder.waitFor('history:added', (e) => e.id === failedId, 60_000),
      recorder.waitFor('history:added', (e) => e.id === cancelledId, 60_000),
    ]);
    recorder.stop();
    expect(failed.status).toBe('failed');
    expect(failed.error?.code).toBeTruthy();
    expect(failed.error?.message).toMatch(/already exists/i);
    expect(failed.stats).toBeUndefined();
    expect(cancelled).toMatchObject({ status: 'cancelled', durationMs: 0 });
    const failedLog = (await core.handlers['history:log']({ id: failedId })).map((l) => l.message);
    expect(failedLog.some((m) => m.startsWith('Running: borg create'))).toBe(true);
    expect(failedLog.at(-1)).toMatch(/already exists/i);
    expect((await core.handlers['history:log']({ id: cancelledId })).at(-1)?.message).toBe('Cancelled.');
  });

  it('keeps the history across a restart, pages it, and never stores the passphrase', async () => {
    await core.dispose();
    const again = await startCore(configDir());
    const listed = await again.handlers['history:list']({ limit: 500 });
    expect(listed.hasMore).toBe(false);
    expect(listed.entries.at(-1)?.kind).toBe('init');
    const all = { entries: listed.entries.filter((e) => e.kind === 'backup') };
    expect(all.entries.map((e) => e.id).sort()).toEqual([backupId, failedId, cancelledId].sort());
    expect(all.entries.at(-1)?.id).toBe(backupId);
    expect(all.entries.find((e) => e.id === failedId)?.status).toBe('failed');
    expect(all.entries.find((e) => e.id === cancelledId)?.status).toBe('cancelled');

    const first = await again.handlers['history:list']({ limit: 1, repoId });
    expect(first.hasMore).toBe(true);
    const rest = await again.handlers['history:list']({
      limit: 500,
      repoId,
      before: first.entries.at(-1)?.finishedAt,
    });
    expect(first.entries.length + rest.entries.length).toBe(3);
    expect(await again.handlers['history:list']({ limit: 10, repoId: 'someone-else' })).toEqual({
      entries: [],
      hasMore: false,
    });
    const log = await again.handlers['history:log']({ id: backupId });
    expect(log.some((l) => l.message.startsWith('Running: borg create'))).toBe(true);
    await expect(again.handlers['history:log']({ id: 'nope' })).rejects.toMatchObject({ code: 'NotFound' });

    const historyDir = path.join(configDir(), 'history');
    const files = await filesUnder(historyDir);
    expect(files.map((f) => path.relative(historyDir, f)).sort()).toEqual(
      ['history.json', ...listed.entries.map((e) => path.join('logs', `${e.id}.json`))].sort(),
    );
    for (const file of files) expect(await fs.readFile(file, 'utf8')).not.toContain(PASSPHRASE);
  });
});
