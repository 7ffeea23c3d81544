/**
 * Periodic checks through createCore with the real /usr/bin/borg on a temporary repository: the
 * core runs on a hand-driven clock, so a daily check fires without waiting. After a restart the
 * passphrase is gone (it is kept in memory only): the catch-up check fails clearly and is recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type BorgSandbox } from '../../borg/test-sandbox.js';
import { requests } from '../../ipc/contract.js';
import type { HistoryEntry } from '../../model/history.js';
import { ManualTime } from '../schedule/manual-time.js';
import type { Core } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';
import { EventRecorder } from '../test-support/event-recorder.js';

const PASSPHRASE = 'checked every night 7d21';
const MIN = 60_000;

let sandbox: BorgSandbox;
let core: Core;
let repoId: string;

function startCore(time: ManualTime): Promise<Core> {
  return startTestCore({ configDir: sandbox.path('config'), homeDir: sandbox.path('home'), time });
}

async function checkEntries(target: Core, count: number): Promise<HistoryEntry[]> {
  for (let i = 0; i < 600; i++) {
    const { entries } = await target.handlers['history:list']({ limit: 100 });
    const checks = entries.filter((e) => e.kind === 'check');
    if (checks.length >= count) return checks;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`fewer than ${count} check(s) reached the history`);
}

beforeAll(async () => {
  sandbox = await createSandbox();
  // 08:00 local time: a daily 09:00 check is an hour away.
  core = await startCore(new ManualTime(new Date(2026, 2, 10, 8, 0).getTime()));
  const repo = await core.handlers['repos:create']({
    name: 'Checked repo',
    location: sandbox.path('repo'),
    encryption: 'repokey-blake2',
    passphrase: PASSPHRASE,
  });
  repoId = repo.id;
}, 60_000);

afterAll(async () => {
  await core?.dispose();
  await sandbox?.cleanup();
});

describe('periodic checks with real borg', () => {
  it('runs a daily check once when the clock passes its time', async () => {
    const recorder = new EventRecorder(core);
    expect(await core.handlers['checks:list']({})).toEqual([
      { repoId, schedule: { kind: 'off' }, mode: 'repository' },
    ]);
    // Through the contract's schema, as the router does.
    const saved = await core.handlers['checks:save'](
      requests['checks:save'].params.parse({
        repoId,
        schedule: { kind: 'daily', at: '09:00' },
        mode: 'repository',
      }),
    );
    expect(saved.dueAt).toBe(new Date(2026, 2, 10, 9, 0).toISOString());
    await core.handlers['test:advance-clock']({ ms: 30 * MIN });
    expect((await core.handlers['jobs:list']({})).filter((j) => j.kind === 'check')).toEqual([]);
    await core.handlers['test:advance-clock']({ ms: 31 * MIN });
    const [entry] = await checkEntries(core, 1);
    expect(entry).toMatchObject({
      kind: 'check',
      trigger: 'schedule',
      status: 'succeeded',
      repoName: 'Checked repo',
    });
    // Another hour changes nothing: one run per slot.
    await core.handlers['test:advance-clock']({ ms: 60 * MIN });
    await new Promise((r) => setTimeout(r, 300));
    expect(await checkEntries(core, 1)).toHaveLength(1);
    const [row] = await core.handlers['checks:list']({});
    expect(row?.dueAt).toBe(new Date(2026, 2, 11, 9, 0).toISOString());
    expect(row?.lastRunAt).toBeDefined();
    const changed = recorder.of('checks:changed');
    expect(changed.some((rows) => rows[0]?.waitingFor === 'running')).toBe(true);
    recorder.stop();
  }, 120_000);

  it('catches up after a restart; a locked repository fails clearly and is recorded', async () => {
    await core.dispose();
    // Two days later; the new core has no passphrase in memory, so the repository is locked.
    core = await startCore(new ManualTime(new Date(2026, 2, 12, 12, 0).getTime()));
    await core.handlers['test:advance-clock']({ ms: 2 * MIN });
    const entries = await checkEntries(core, 2);
    const latest = entries[0];
    expect(latest).toMatchObject({ kind: 'check', trigger: 'schedule', status: 'failed' });
    expect(latest?.error?.code).toBe('PassphraseRequired');
    expect(latest?.error?.message).toContain('Checked repo');
    await core.handlers['test:advance-clock']({ ms: 60 * MIN });
    await new Promise((r) => setTimeout(r, 300));
    expect(await checkEntries(core, 2)).toHaveLength(2);
  }, 120_000);

  it('drops the schedule when the repository is removed', async () => {
    await core.handlers['repos:remove']({ repoId });
    await new Promise((r) => setTimeout(r, 100));
    expect(await core.handlers['checks:list']({})).toEqual([]);
    await expect(
      core.handlers['checks:save']({ repoId, schedule: { kind: 'daily', at: '09:00' }, mode: 'repository' }),
    ).rejects.toMatchObject({ code: 'NotFound' });
  });
});
