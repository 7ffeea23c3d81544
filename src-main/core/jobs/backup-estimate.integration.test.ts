/**
 * Percent and time left of a plan's backup, through createCore with the real borg: the first run
 * goes by a quick count of its folder, the second by the first run's archive (as the history
 * recorded it). 600 MB of random data (lz4
 * cannot shrink it) keeps borg reporting for a few seconds; the core's clock runs forty times fast so
 * the estimate's 10 s threshold passes within the first quarter of a real second.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../ipc/contract.js';
import type { BackupProgress } from '../../model/job.js';
import type { Core } from '../services.js';
import { EventRecorder } from '../test-support/event-recorder.js';
import { startTestCore } from '../test-support/test-core.js';

const FILES = 40;
const FILE_BYTES = 15_000_000;
const SPEED_UP = 40;

let root: string;
let source: string;
let core: Core;
let events: EventRecorder;
let repoId: string;
const savedBase = process.env['BORG_BASE_DIR'];

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-estimate-it-'));
  source = path.join(root, 'source');
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  await fs.mkdir(source, { recursive: true });
  await fs.mkdir(path.join(root, 'home'));
  for (let i = 0; i < FILES; i++)
    await fs.writeFile(path.join(source, `data-${i}.bin`), randomBytes(FILE_BYTES));
  const realStart = Date.now();
  core = await startTestCore({
    configDir: path.join(root, 'config'),
    homeDir: path.join(root, 'home'),
    services: { clock: { now: () => realStart + (Date.now() - realStart) * SPEED_UP } },
  });
  events = new EventRecorder(core);
  const repo = await core.handlers['repos:create']({
    name: 'Estimate repo',
    location: path.join(root, 'repo'),
    encryption: 'none',
  });
  repoId = repo.id;
}, 120_000);

afterAll(async () => {
  events?.stop();
  await core?.dispose();
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

async function runPlan(planId: string): Promise<{ progress: BackupProgress[]; originalSize?: number }> {
  const { jobIds } = await core.handlers['plans:run-now']({ planId });
  const jobId = jobIds[0] ?? '';
  const done = await events.waitFor('job:finished', (s) => s.id === jobId, 120_000);
  expect(done.status).toBe('succeeded');
  // The next run reads the history: let this run's entry arrive there first.
  await events.waitFor('history:added', (e) => e.id === jobId);
  const progress = events
    .of('job:progress')
    .filter((p) => p.jobId === jobId)
    .flatMap((p) => (p.progress.kind === 'backup' ? [p.progress] : []));
  const originalSize = done.result?.archive.originalSize;
  return originalSize === undefined ? { progress } : { progress, originalSize };
}

describe('backup estimate with real borg', () => {
  it("shows percent and time left on a plan's second backup, going by the first", async () => {
    const draft = { name: 'Estimate', targets: [{ repoId }], sourcePaths: [source], compression: 'lz4' };
    const plan = await core.handlers['plans:save'](requests['plans:save'].params.parse({ draft }));
    const { progress: first, originalSize } = await runPlan(plan.id);
    expect(first.length).toBeGreaterThan(0);
    // Borg counts the files' bytes and a little metadata.
    expect(originalSize).toBeGreaterThanOrEqual(FILES * FILE_BYTES);
    // The first run has no earlier one to go by: a quick count of the folder estimates it.
    expect(first.every((p) => p.estimateSource !== 'previous-archive')).toBe(true);
    expect(first.at(-1)).toMatchObject({
      estimateSource: 'pre-walk',
      estimatedSize: FILES * FILE_BYTES,
      estimatedFileCount: FILES,
    });

    // New contents of the same sizes: borg stores all of it again (re-reading unchanged chunks would
    // be over in a moment on a fast machine, with too few progress reports to follow), and the first
    // archive's size is still the right estimate.
    for (let i = 0; i < FILES; i++)
      await fs.writeFile(path.join(source, `data-${i}.bin`), randomBytes(FILE_BYTES));
    const { progress: second } = await runPlan(plan.id);
    expect(second[0]).toMatchObject({
      estimateSource: 'previous-archive',
      estimatedSize: originalSize,
      estimatedFileCount: FILES,
    });
    const shown = second.filter((p) => p.percent !== undefined);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    const percents = shown.map((p) => p.percent ?? NaN);
    for (let i = 1; i < percents.length; i++)
      expect(percents[i]).toBeGreaterThanOrEqual(percents[i - 1] ?? 0);
    expect(percents.every((p) => p > 0 && p <= 99)).toBe(true);
    expect((percents.at(-1) ?? 0) > (percents[0] ?? 0)).toBe(true);
    expect(shown.every((p) => p.etaSeconds !== undefined && p.etaSeconds >= 0)).toBe(true);
    // Nothing is shown before the estimate can be trusted: 10 s (of the fast clock) and 5 %.
    const early = second.filter((p) => p.elapsedMs < 10_000);
    expect(early.every((p) => p.percent === undefined)).toBe(true);
  }, 180_000);
});
