/**
 * The metrics textfile through createCore with real borg: a plan run writes it, Prometheus's own
 * parser (promtool) accepts it, a failed run changes the result but keeps the last success, and a
 * restarted core writes the same state again from the history.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../ipc/contract.js';
import type { JobSnapshot } from '../../model/job.js';
import type { Core } from '../services.js';
import { promtoolCheck, promtoolMissing } from '../test-support/promtool.js';
import { startTestCore } from '../test-support/test-core.js';

const PASSPHRASE = 'metrics passphrase 7d02';
// Quotes and a backslash, which the file must escape in the plan label.
const PLAN_NAME = 'Docs "daily" \\ home';
const PLAN_LABEL = 'plan="Docs \\"daily\\" \\\\ home",repository="Metrics repo"';

let root: string;
let configDir: string;
let source: string;
let repoPath: string;
let file: string;
let core: Core;
let planId: string;
const savedBase = process.env['BORG_BASE_DIR'];

async function runPlan(): Promise<JobSnapshot> {
  const { jobIds } = await core.handlers['plans:run-now']({ planId });
  for (let i = 0; i < 1200; i++) {
    const jobs = await core.handlers['jobs:list']({});
    const backup = jobs.find((j) => j.id === jobIds[0]);
    if (backup !== undefined && ['succeeded', 'warning', 'failed', 'cancelled'].includes(backup.status))
      return backup;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the plan run did not finish');
}

// The file is written after the run is reported, without the run waiting: poll until it says `text`.
async function fileContaining(text: string): Promise<string> {
  let content = '';
  for (let i = 0; i < 200; i++) {
    content = await fs.readFile(file, 'utf8').catch(() => '');
    if (content.includes(text)) return content;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the metrics file never said ${text}; it holds:\n${content}`);
}

function sample(content: string, metric: string, extra = ''): number | undefined {
  const line = content.split('\n').find((l) => l.startsWith(`${metric}{${PLAN_LABEL},`) && l.includes(extra));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-metrics-it-'));
  configDir = path.join(root, 'config');
  source = path.join(root, 'source');
  repoPath = path.join(root, 'repo');
  file = path.join(root, 'textfile', 'borgdesk.prom');
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  await fs.mkdir(path.join(root, 'home'), { recursive: true });
  await fs.mkdir(path.dirname(file));
  await fs.mkdir(path.join(source, 'sub'), { recursive: true });
  await fs.writeFile(path.join(source, 'a.txt'), 'alpha '.repeat(500));
  await fs.writeFile(path.join(source, 'sub', 'b.txt'), 'beta');
  core = await startTestCore({ configDir, homeDir: path.join(root, 'home') });
  const repo = await core.handlers['repos:create']({
    name: 'Metrics repo',
    location: repoPath,
    encryption: 'repokey-blake2',
    passphrase: PASSPHRASE,
  });
  const plan = await core.handlers['plans:save'](
    requests['plans:save'].params.parse({
      draft: { name: PLAN_NAME, targets: [{ repoId: repo.id }], sourcePaths: [source] },
    }),
  );
  planId = plan.id;
}, 60_000);

afterAll(async () => {
  await core?.dispose();
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

describe('metrics textfile with real borg', () => {
  let lastSuccess: number | undefined;

  it('refuses a path node_exporter would not read, in plain words', async () => {
    await expect(core.handlers['settings:metrics-apply']({ file: 'borgdesk.prom' })).rejects.toMatchObject({
      code: 'InvalidInput',
      message: '"borgdesk.prom" is not a full path.',
    });
    expect(core.settings().metricsTextfile).toBe('');
  });

  it('writes the plan run the file parses with promtool and holds its values', async ({ skip }) => {
    const applied = await core.handlers['settings:metrics-apply']({ file });
    expect(applied.lastWrite).toMatchObject({ ok: true, targets: 0, file });
    const backup = await runPlan();
    expect(backup.status).toBe('succeeded');
    const archive = backup.result?.archive;
    const content = await fileContaining(`borgdesk_last_files{${PLAN_LABEL}`);
    expect(sample(content, 'borgdesk_last_run_result', 'result="succeeded"')).toBe(1);
    expect(sample(content, 'borgdesk_last_run_result', 'result="failed"')).toBe(0);
    expect(sample(content, 'borgdesk_last_files')).toBe(2);
    expect(sample(content, 'borgdesk_last_original_bytes')).toBe(archive?.originalSize);
    // The two files' 3004 bytes and their metadata as borg counts it.
    expect(sample(content, 'borgdesk_last_original_bytes')).toBeGreaterThanOrEqual(3004);
    expect(sample(content, 'borgdesk_last_deduplicated_bytes')).toBe(archive?.deduplicatedSize);
    // The whole repository after the backup: borg create's cache stats, kept in the history.
    expect(sample(content, 'borgdesk_repository_size_bytes')).toBe(archive?.repositoryStoredSize);
    expect(sample(content, 'borgdesk_repository_size_bytes')).toBeGreaterThan(0);
    lastSuccess = sample(content, 'borgdesk_last_success_timestamp_seconds');
    expect(lastSuccess).toBe(Math.floor(Date.parse(backup.finishedAt ?? '') / 1000));
    expect(sample(content, 'borgdesk_last_run_timestamp_seconds')).toBe(lastSuccess);
    expect(sample(content, 'borgdesk_last_duration_seconds')).toBeGreaterThan(0);
    expect((await core.handlers['settings:metrics-status']({})).lastWrite).toMatchObject({
      ok: true,
      targets: 1,
    });
    const missing = promtoolMissing();
    if (missing !== undefined) skip(missing);
    const checked = await promtoolCheck(content);
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
  }, 120_000);

  it('a failed run updates the result and keeps the last success', async () => {
    // An empty folder where the repository was: borg create fails (not a repository).
    await fs.rename(repoPath, `${repoPath}-away`);
    await fs.mkdir(repoPath);
    try {
      expect((await runPlan()).status).toBe('failed');
    } finally {
      await fs.rm(repoPath, { recursive: true });
      await fs.rename(`${repoPath}-away`, repoPath);
    }
    const content = await fileContaining('result="failed"} 1');
    expect(sample(content, 'borgdesk_last_run_result', 'result="succeeded"')).toBe(0);
    expect(sample(content, 'borgdesk_last_success_timestamp_seconds')).toBe(lastSuccess);
    expect(sample(content, 'borgdesk_last_run_timestamp_seconds')).toBeGreaterThanOrEqual(
      lastSuccess ?? Infinity,
    );
    expect(sample(content, 'borgdesk_last_files')).toBe(2);
  }, 120_000);

  it('a restarted core writes the same state from the history at start', async () => {
    const before = await fs.readFile(file, 'utf8');
    await core.dispose();
    await fs.rm(file);
    core = await startTestCore({ configDir, homeDir: path.join(root, 'home') });
    expect(await fileContaining('result="failed"} 1')).toBe(before);
  }, 60_000);

  it('a folder that is gone is reported in Settings, not thrown', async () => {
    await fs.rm(path.dirname(file), { recursive: true });
    const status = await core.handlers['settings:metrics-apply']({ file });
    expect(status.lastWrite).toMatchObject({
      ok: false,
      message: `The folder ${path.dirname(file)} does not exist.`,
    });
  });
});
