/**
 * `app:stale` through createCore with the real /usr/bin/borg: a repository, a scheduled plan, and a
 * backup entry written days in the past through the HistoryStore API.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../ipc/contract.js';
import { historyDir } from '../history/history-files.js';
import { HistoryStore } from '../history/history-store.js';
import type { Core } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';
import type { SchedulerTimers } from '../schedule/scheduler-types.js';
import { DAY_MS } from './stale-plans.js';

const now = Date.UTC(2026, 2, 10, 9);
// Timers that never fire: no scheduled run may add a fresher backup while the test looks.
const stillTimers: SchedulerTimers = { setTimer: () => ({}), clearTimer: () => undefined };

let root: string;
const savedBase = process.env['BORG_BASE_DIR'];
const cores: Core[] = [];

async function startCore(): Promise<Core> {
  const core = await startTestCore({
    configDir: path.join(root, 'config'),
    homeDir: path.join(root, 'home'),
    services: { clock: { now: () => now }, timers: stillTimers },
  });
  cores.push(core);
  return core;
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-stale-it-'));
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  await fs.mkdir(path.join(root, 'home', 'docs'), { recursive: true });
});

afterAll(async () => {
  await Promise.all(cores.map((c) => c.dispose()));
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

describe('app:stale through createCore', () => {
  it('names a scheduled plan whose repository was last backed up five days ago', async () => {
    const first = await startCore();
    const repo = await first.handlers['repos:create']({
      name: 'Stale repo',
      location: path.join(root, 'repo'),
      encryption: 'repokey-blake2',
      passphrase: 'stale passphrase 81d2',
    });
    const draft = {
      name: 'Documents',
      targets: [{ repoId: repo.id, schedule: { kind: 'daily', at: '08:00' } }],
      sourcePaths: [path.join(root, 'home', 'docs')],
    };
    await first.handlers['plans:save'](requests['plans:save'].params.parse({ draft }));
    // Nothing backed up yet: no time to measure from, so nothing is stale.
    expect(await first.handlers['app:stale']({})).toEqual([]);
    await first.dispose();

    const history = await HistoryStore.open({ dir: historyDir(path.join(root, 'config')) });
    const finishedAt = new Date(now - 5 * DAY_MS).toISOString();
    await history.add(
      {
        id: 'old-backup-1',
        kind: 'backup',
        repoId: repo.id,
        repoName: 'Stale repo',
        title: 'Back up Documents',
        trigger: 'schedule',
        status: 'succeeded',
        startedAt: finishedAt,
        finishedAt,
        durationMs: 1000,
      },
      [],
    );

    const core = await startCore();
    const stale = await core.handlers['app:stale']({});
    expect(requests['app:stale'].result.parse(stale)).toEqual([
      expect.objectContaining({
        label: 'Documents',
        repoName: 'Stale repo',
        lastSuccessAt: finishedAt,
        staleForMs: 5 * DAY_MS,
      }),
    ]);
    expect(stale[0]?.cause).toBeUndefined();

    // The drive unplugged: scheduled runs are skipped without a trace, so the stale item says why.
    await fs.rename(path.join(root, 'repo'), path.join(root, 'repo-unplugged'));
    expect((await core.handlers['app:stale']({}))[0]?.cause).toBe('drive-absent');
    await fs.rename(path.join(root, 'repo-unplugged'), path.join(root, 'repo'));
    expect((await core.handlers['app:stale']({}))[0]?.cause).toBeUndefined();

    // The allowance comes from the settings.
    await core.handlers['settings:update']({ staleAfterDays: 6 });
    expect(await core.handlers['app:stale']({})).toEqual([]);
  }, 60_000);
});
