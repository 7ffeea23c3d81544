/**
 * Test-only: the core and repository the restore integration tests share, with the real
 * /usr/bin/borg: temp BORG_BASE_DIR, config, cache, repository and source folders, all removed by
 * {@link tearDownRestoreCore}. Archives "first" and "second" of a small tree, and optionally "big"
 * (one 300 MB file, for cancelling and mounting). The bindings are live: read them after setUp.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { ArchiveRef } from '../../model/archive.js';
import type { BackupRequest, JobSnapshot } from '../../model/job.js';
import type { Core } from '../services.js';
import { EventRecorder } from '../test-support/event-recorder.js';
import { startTestCore } from '../test-support/test-core.js';

/** The temp folder holding everything. */
export let root: string;
/** The small source tree backed up as "first" and "second". */
export let source: string;
/** The folder with the 300 MB file. */
export let big: string;
/** The core under test. */
export let core: Core;
/** Every event the core sent. */
export let recorder: EventRecorder;
/** The test repository's id. */
export let repoId: string;
/** The paths the fake file manager was asked to open. */
export const opened: string[] = [];
const savedBase = process.env['BORG_BASE_DIR'];

// Archive paths have no leading slash; borg stores /tmp/x as tmp/x.
/** The archive path of a file path. */
export const arch = (p: string): string => p.replace(/^\/+/, '');
/** How many folders deep a path is. */
export const depth = (p: string): number => arch(p).split('/').length;
/** A path inside the source tree. */
export const sourceFile = (...parts: string[]): string => path.join(source, ...parts);

/** Backs up `sourcePaths` as `archiveName` and waits for success; the job's id. */
export async function backUp(sourcePaths: string[], archiveName: string): Promise<string> {
  const request: BackupRequest = {
    repoId,
    sourcePaths,
    archiveName,
    compression: 'lz4',
    excludeCaches: false,
    excludePatterns: [],
  };
  const { jobId } = await core.handlers['jobs:start-backup'](request);
  const done = await recorder.waitFor('job:finished', (j) => j.id === jobId, 120_000);
  expect(done.status).toBe('succeeded');
  return jobId;
}

/** The job once it has finished. */
export async function finished(jobId: string, timeoutMs = 60_000): Promise<JobSnapshot> {
  return recorder.waitFor('job:finished', (j) => j.id === jobId, timeoutMs);
}

/** Opens an archive and waits until its index is ready. */
export async function openReady(ref: ArchiveRef): Promise<void> {
  const state = await core.handlers['archives:open'](ref);
  if (state.status === 'ready') return;
  const final = await recorder.waitFor(
    'archive-index:updated',
    (s) => s.archiveName === ref.archiveName && s.status !== 'loading',
  );
  expect(final.status).toBe('ready');
}

/** Asserts the restored file has the original's bytes and mtime. */
export async function expectSameFile(restored: string, original: string): Promise<void> {
  expect((await fs.readFile(restored)).equals(await fs.readFile(original))).toBe(true);
  const [a, b] = await Promise.all([fs.stat(restored), fs.stat(original)]);
  expect(Math.floor(a.mtimeMs)).toBe(Math.floor(b.mtimeMs));
}

/** Starts the core and makes the archives; `withBig` adds the 300 MB archive "big". */
export async function setUpRestoreCore(withBig: boolean): Promise<void> {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-restore-it-'));
  source = path.join(root, 'source');
  big = path.join(root, 'big');
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  const files: Record<string, string | Buffer> = {
    'docs/a.txt': 'alpha\n',
    'docs/b.txt': 'bravo\n',
    'Ünïcode dir/file with spaces.txt': 'ünïcödé ✓\n',
    '-rf/x.bin': randomBytes(64 * 1024),
    'nested/deep/data.bin': randomBytes(1024 * 1024),
  };
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(sourceFile(name)), { recursive: true });
    await fs.writeFile(sourceFile(name), content);
  }
  // Distinct, old mtimes: a restore must bring them back, not leave "now".
  await fs.utimes(sourceFile('docs/a.txt'), new Date(2020, 0, 2), new Date(2020, 0, 2, 3, 4, 5));
  await fs.utimes(sourceFile('-rf/x.bin'), new Date(2021, 5, 6), new Date(2021, 5, 6, 7, 8, 9));
  if (withBig) {
    await fs.mkdir(big, { recursive: true });
    const handle = await fs.open(path.join(big, 'random.bin'), 'w');
    for (let i = 0; i < 300; i++) await handle.write(randomBytes(1024 * 1024));
    await handle.close();
  }

  const home = path.join(root, 'home');
  await fs.mkdir(home, { recursive: true });
  core = await startTestCore({
    configDir: path.join(root, 'config'),
    cacheDir: path.join(root, 'cache'),
    homeDir: home,
    services: {
      host: 'electron',
      fileManager: {
        openPath: async (p) => {
          opened.push(p);
          return true;
        },
      },
    },
  });
  recorder = new EventRecorder(core);
  const repo = await core.handlers['repos:create']({
    name: 'Restore test',
    location: path.join(root, 'repo'),
    encryption: 'none',
  });
  repoId = repo.id;
  const backupJob = await backUp([source], 'first');
  const log = await core.handlers['jobs:log']({ jobId: backupJob });
  expect(log[0]?.message).toMatch(/^Running: borg create --progress --json .* -- .*::first '?\//);
  expect(log.at(-1)?.message).toMatch(/^Archive first: 5 files, .* original, .* deduplicated, [\d.]+ s$/);
  // `borg list` gives archive times in whole seconds: start the next archive in a later second
  // so "newest first" is well defined.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  // The second archive: one file edited, one added, one removed.
  await fs.writeFile(sourceFile('docs/a.txt'), 'alpha, edited\n');
  await fs.writeFile(sourceFile('docs/new.txt'), 'new\n');
  await fs.rm(sourceFile('-rf'), { recursive: true });
  await backUp([source], 'second');
  await fs.rm(sourceFile('docs/new.txt'));
  await fs.mkdir(sourceFile('-rf'));
  await fs.writeFile(sourceFile('-rf/x.bin'), files['-rf/x.bin'] ?? '');
  await fs.utimes(sourceFile('-rf/x.bin'), new Date(2021, 5, 6), new Date(2021, 5, 6, 7, 8, 9));
  await fs.writeFile(sourceFile('docs/a.txt'), 'alpha\n');
  await fs.utimes(sourceFile('docs/a.txt'), new Date(2020, 0, 2), new Date(2020, 0, 2, 3, 4, 5));
  if (withBig) await backUp([big], 'big');
}

/** Stops the core and removes every temp file. */
export async function tearDownRestoreCore(): Promise<void> {
  recorder.stop();
  await core.dispose();
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
}
