/** The JobManager hands every finished job, with its trigger and log, to the history store. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../app-error.js';
import { JobManager, type JobSpec } from '../jobs/job-manager.js';
import { SerialLanes } from '../jobs/serial-lanes.js';
import type { HistoryEntry } from '../../model/history.js';
import { HistoryStore } from './history-store.js';
import { log as coreLog } from '../logging/log.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-job-history-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function job(overrides: Partial<JobSpec>, outcome: () => Promise<'succeeded'>): JobSpec {
  return {
    kind: 'backup',
    repoId: 'r1',
    lane: 'r1',
    title: 'Back up',
    run: async ({ log }) => {
      log('info', 'Running: borg create');
      return { status: await outcome() };
    },
    ...overrides,
  };
}

describe('JobManager → HistoryStore', () => {
  it('records successes, failures and cancellations with trigger, log and status', async () => {
    const added: HistoryEntry[] = [];
    const history = await HistoryStore.open({ dir, emit: (e) => added.push(e) });
    const jobs = new JobManager({
      clock: { now: () => Date.now() },
      lanes: new SerialLanes(),
      emit: () => undefined,
      onFinished: (finished) => void history.record(finished, 'Home'),
    });
    const ok = jobs.submit(job({ trigger: 'schedule' }, async () => 'succeeded'));
    const bad = jobs.submit(
      job({}, async () => {
        throw new AppError('FolderUnreadable', 'Cannot read /x.');
      }),
    );
    const hanging = jobs.submit({
      kind: 'restore',
      repoId: 'r2',
      lane: 'r2',
      title: 'Restore',
      run: ({ signal }) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    });
    // The first two finish on their own; dispose then cancels the third.
    await vi.waitFor(() => expect(added).toHaveLength(2));
    await jobs.dispose();
    await history.idle();

    expect(history.list({ limit: 10, repoId: 'r2' }).entries.map((e) => e.kind)).toEqual(['restore']);
    const byId = new Map(history.list({ limit: 10 }).entries.map((e) => [e.id, e]));
    expect(byId.size).toBe(3);
    expect(byId.get(ok.id)).toMatchObject({ trigger: 'schedule', status: 'succeeded', repoName: 'Home' });
    expect(byId.get(bad.id)).toMatchObject({
      trigger: 'manual',
      status: 'failed',
      error: { code: 'FolderUnreadable', message: 'Cannot read /x.' },
    });
    expect(byId.get(hanging.id)?.status).toBe('cancelled');
    expect(added.map((e) => e.id).sort()).toEqual([ok.id, bad.id, hanging.id].sort());
    const messages = (await history.log(bad.id)).map((l) => l.message);
    expect(messages).toEqual(['Running: borg create', 'Cannot read /x.']);
  });

  it('notes a running job on disk, so a store opened after a stop lists it as interrupted', async () => {
    const history = await HistoryStore.open({ dir, flushIntervalMs: 20 });
    let release: () => void = () => undefined;
    const jobs = new JobManager({
      clock: { now: () => Date.now() },
      lanes: new SerialLanes(),
      emit: () => undefined,
      onStarted: (started) => history.started(started, 'Home'),
      onFinished: (finished) => void history.record(finished, 'Home'),
    });
    const running = jobs.submit({
      kind: 'backup',
      repoId: 'r1',
      lane: 'r1',
      title: 'Back up',
      trigger: 'schedule',
      run: async ({ log }) => {
        log('info', 'Running: borg create');
        await new Promise<void>((resolve) => (release = resolve));
        log('info', 'more output');
        return { status: 'succeeded' };
      },
    });
    await vi.waitFor(async () => {
      const marker = await fs.readFile(path.join(dir, 'running', `${running.id}.json`), 'utf8');
      expect(marker).toContain('Running: borg create');
    });
    // A second store on the same folder is what the next start sees if the process dies now.
    const afterStop = await HistoryStore.open({ dir });
    expect(afterStop.list({ limit: 10 }).entries).toMatchObject([
      { id: running.id, status: 'interrupted', trigger: 'schedule', repoName: 'Home' },
    ]);
    expect((await afterStop.log(running.id)).map((l) => l.message)[0]).toBe('Running: borg create');

    // Had it lived, the job's own end replaces nothing and leaves no marker behind.
    release();
    await jobs.dispose();
    await history.idle();
    expect(await fs.readdir(path.join(dir, 'running'))).toEqual([]);
  });

  it('settles the job even when recording throws', async () => {
    const jobs = new JobManager({
      clock: { now: () => Date.now() },
      lanes: new SerialLanes(),
      emit: () => undefined,
      onFinished: () => {
        throw new Error('disk on fire');
      },
    });
    const original = coreLog.error;
    const seen: unknown[] = [];
    coreLog.error = (message) => void seen.push(message);
    try {
      const snap = jobs.submit(job({}, async () => 'succeeded'));
      await jobs.dispose();
      expect(jobs.list().find((j) => j.id === snap.id)?.status).toBe('succeeded');
      expect(String(seen[0])).toMatch(/recording a finished job failed/);
    } finally {
      coreLog.error = original;
    }
  });
});
