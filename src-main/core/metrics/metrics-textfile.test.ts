import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '../../model/history.js';
import { historyEntryFixture } from '../test-support/history-entry-fixture.js';
import { MetricsTextfile, metricsFileProblem } from './metrics-textfile.js';
import { log as coreLog } from '../logging/log.js';

let dir: string;
let file: string;
let history: HistoryEntry[];

function textfile(): MetricsTextfile {
  return new MetricsTextfile({
    file: () => file,
    history: async () => history,
    plans: () => [{ id: 'p1', name: 'Docs', targets: [{ repoId: 'r1' }] }],
    repositories: () => [{ id: 'r1', name: 'NAS' }],
    now: () => Date.UTC(2026, 2, 10, 12),
  });
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-metrics-'));
  file = path.join(dir, 'borgdesk.prom');
  history = [historyEntryFixture({ id: 'b1', planId: 'p1', finishedAt: '2026-03-10T09:00:00.000Z' })];
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('metrics textfile', () => {
  it('writes the file readable by node_exporter, with no temp file left beside it', async () => {
    const status = await textfile().refresh();
    expect(status).toEqual({
      file,
      lastWrite: { at: '2026-03-10T12:00:00.000Z', file, ok: true, targets: 1 },
    });
    expect(await fs.readFile(file, 'utf8')).toContain(
      'borgdesk_last_run_result{plan="Docs",repository="NAS"',
    );
    expect((await fs.stat(file)).mode & 0o777).toBe(0o644);
    expect(await fs.readdir(dir)).toEqual(['borgdesk.prom']);
  });

  it('a missing folder is an outcome in plain words, logged, not a throw and not created', async () => {
    const warn = vi.spyOn(coreLog, 'warn').mockImplementation(() => undefined);
    file = path.join(dir, 'node-exporter', 'borgdesk.prom');
    const status = await textfile().refresh();
    expect(status.lastWrite).toMatchObject({
      ok: false,
      message: `The folder ${path.join(dir, 'node-exporter')} does not exist.`,
    });
    expect(status.lastWrite?.remedy).toContain('--collector.textfile.directory');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not write the metrics file'));
    await expect(fs.stat(path.dirname(file))).rejects.toThrow();
  });

  it('a path through a file names that, and a later write to a good path succeeds', async () => {
    vi.spyOn(coreLog, 'warn').mockImplementation(() => undefined);
    await fs.writeFile(path.join(dir, 'plain-file'), '');
    file = path.join(dir, 'plain-file', 'borgdesk.prom');
    const metrics = textfile();
    expect((await metrics.refresh()).lastWrite?.message).toContain('is a file, not a folder');
    file = path.join(dir, 'borgdesk.prom');
    // The old outcome belonged to the other path.
    expect(metrics.status().lastWrite).toBeUndefined();
    expect((await metrics.refresh()).lastWrite?.ok).toBe(true);
  });

  it('writes nothing while off, and forgets (removes) a file it wrote when the path moves', async () => {
    const metrics = textfile();
    await metrics.refresh();
    await metrics.forget(file);
    await expect(fs.stat(file)).rejects.toThrow();
    file = '';
    expect(await metrics.refresh()).toEqual({ file: '' });
  });

  it('refuses relative paths and names without .prom', () => {
    expect(metricsFileProblem('')).toBeUndefined();
    expect(metricsFileProblem('/var/lib/prometheus/node-exporter/borgdesk.prom')).toBeUndefined();
    expect(metricsFileProblem('borgdesk.prom')?.message).toBe('"borgdesk.prom" is not a full path.');
    expect(metricsFileProblem('/tmp/borgdesk.txt')?.message).toContain('".prom"');
  });
});
