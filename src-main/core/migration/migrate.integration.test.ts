/**
 * Migration through createCore with real borgs: a repository made and backed up (two archives) by
 * /usr/bin/borg 1.2.4, then Settings → Path to borg switched to a borg 2 and `repos:migrate` run as
 * a job: progress counts archives, the new repository is added (the old one left as it was), a
 * cancelled migration continues when started again, and plans can be moved to the new repository.
 * Skips, saying why, without a borg 2 (test-borg2.ts).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTestBorg2 } from '../../borg/test-borg2.js';
import type { JobSnapshot } from '../../model/job.js';
import type { Core } from '../services.js';
import { EventRecorder } from '../test-support/event-recorder.js';
import { startTestCore } from '../test-support/test-core.js';

const OLD_SECRET = 'migrate old 51';
const NEW_SECRET = 'migrate new 73';
const borg2 = await findTestBorg2();
if (!borg2.found) console.log(`[migrate core integration] skipped: ${borg2.reason}`);

let root: string;
let core: Core;
let recorder: EventRecorder;
let oldId: string;
const savedBase = process.env['BORG_BASE_DIR'];

async function finished(jobId: string): Promise<JobSnapshot> {
  return recorder.waitFor('job:finished', (job) => job.id === jobId, 240_000);
}
const logOf = async (jobId: string) => (await core.handlers['jobs:log']({ jobId })).map((e) => e.message);
const migrate = (location: string, name: string) =>
  core.handlers['repos:migrate']({
    repoId: oldId,
    location,
    name,
    encryption: 'repokey-aes-ocb',
    passphrase: NEW_SECRET,
  });

describe.skipIf(!borg2.found)('repos:migrate with real borg 1.2.4 and borg 2', () => {
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-migrate-it-'));
    process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
    await fs.mkdir(path.join(root, 'home'), { recursive: true });
    await fs.mkdir(path.join(root, 'src'), { recursive: true });
    await fs.writeFile(path.join(root, 'src', 'note.txt'), 'hello\n');
    // Big enough that a cancel lands while the first archive is being copied.
    await fs.writeFile(path.join(root, 'src', 'big.bin'), randomBytes(64 * 1024 * 1024));
    core = await startTestCore({ configDir: path.join(root, 'config'), homeDir: path.join(root, 'home') });
    recorder = new EventRecorder(core);
    await core.handlers['settings:update']({ borgPath: '/usr/bin/borg' });
    const repo = await core.handlers['repos:create']({
      name: 'Old',
      location: path.join(root, 'old'),
      encryption: 'repokey',
      passphrase: OLD_SECRET,
    });
    oldId = repo.id;
    for (const archiveName of ['one', 'two']) {
      const { jobId } = await core.handlers['jobs:start-backup']({
        repoId: oldId,
        sourcePaths: [path.join(root, 'src')],
        archiveName,
        compression: 'none',
        excludeCaches: false,
        excludePatterns: [],
      });
      expect((await finished(jobId)).status).toBe('succeeded');
    }
    const plan = await core.handlers['plans:save']({
      draft: { name: 'Docs', sourcePaths: [path.join(root, 'src')], targets: [{ repoId: oldId }] },
    } as never);
    expect(plan.targets[0]?.repoId).toBe(oldId);
    await core.handlers['settings:update']({ borgPath: borg2.found ? borg2.path : '' });
  }, 240_000);

  afterAll(async () => {
    recorder?.stop();
    await core?.dispose();
    if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
    else process.env['BORG_BASE_DIR'] = savedBase;
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  it('stops when cancelled, and continues into the same folder when started again', async () => {
    const target = path.join(root, 'new');
    const first = await migrate(target, 'New');
    await recorder.waitFor(
      'job:progress',
      (p) =>
        p.jobId === first.jobId && p.progress.kind === 'step' && p.progress.message.startsWith('Copying'),
      120_000,
    );
    await core.handlers['jobs:cancel']({ jobId: first.jobId });
    expect((await finished(first.jobId)).status).toBe('cancelled');
    expect((await core.handlers['repos:list']({})).map((r) => r.name)).toEqual(['Old']);

    const second = await migrate(target, 'New');
    const done = await finished(second.jobId);
    const log = await logOf(second.jobId);
    expect(done.status, log.join('\n')).toBe('succeeded');
    expect(log).toContain(`${target} exists: continuing the earlier migration into it.`);
    expect(log.some((l) => l.startsWith('Running: borg transfer --other-repo='))).toBe(true);
    for (const line of log) expect(line).not.toContain(OLD_SECRET);
    const steps = recorder
      .of('job:progress')
      .filter((p) => p.jobId === second.jobId && p.progress.kind === 'step')
      .map((p) => (p.progress.kind === 'step' ? p.progress.message : ''));
    expect(steps.some((m) => / of 2/.test(m))).toBe(true);

    const repos = await core.handlers['repos:list']({});
    const fresh = repos.find((r) => r.name === 'New');
    expect(fresh?.location).toBe(target);
    const archives = await core.handlers['repos:details']({ repoId: fresh?.id ?? '' });
    expect(archives.archives.map((a) => a.name).sort()).toEqual(['one', 'two']);
    expect(repos.find((r) => r.id === oldId)?.location).toBe(path.join(root, 'old'));

    const moved = await core.handlers['plans:move-to-repository']({
      fromRepoId: oldId,
      toRepoId: fresh?.id ?? '',
    });
    expect(moved.moved).toBe(1);
    expect((await core.handlers['plans:list']({}))[0]?.targets.map((t) => t.repoId)).toEqual([fresh?.id]);
  }, 400_000);

  it('refuses a folder that is already a repository in Borgdesk', async () => {
    const error = await migrate(path.join(root, 'old'), 'Again').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DuplicateRepository' });
  });
});
