import { afterEach, describe, expect, it, vi } from 'vitest';
import { BorgError } from '../../borg/errors.js';
import type { EventName, EventPayload } from '../../ipc/contract.js';
import type { JobSnapshot } from '../../model/job.js';
import { JobManager, type JobRunContext, type JobSpec } from './job-manager.js';
import { SerialLanes } from './serial-lanes.js';
import { ManualTime } from '../schedule/manual-time.js';
import { log as coreLog } from '../logging/log.js';

type Emitted = { event: EventName; payload: unknown };

/** A job whose work the test drives step by step. */
function controllableJob(lane: string) {
  let ctx: JobRunContext | undefined;
  let finish: (status: 'succeeded' | 'warning') => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const spec: JobSpec = {
    kind: 'backup',
    repoId: lane,
    lane,
    title: `job on ${lane}`,
    run: (runCtx) =>
      new Promise((resolve, reject) => {
        ctx = runCtx;
        finish = (status) => resolve({ status });
        fail = reject;
        runCtx.signal.addEventListener('abort', () =>
          reject(new BorgError({ code: 'Cancelled', message: 'The task was cancelled.' })),
        );
        markStarted();
      }),
  };
  return {
    spec,
    started,
    ctx: (): JobRunContext => {
      if (ctx === undefined) throw new Error('job has not started');
      return ctx;
    },
    finish: (s: 'succeeded' | 'warning') => finish(s),
    fail: (e: unknown) => fail(e),
  };
}

function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
}

function setup(options: { maxFinishedJobs?: number; time?: ManualTime } = {}) {
  const emitted: Emitted[] = [];
  const { time, ...rest } = options;
  const manager = new JobManager({
    clock: time ?? { now: () => Date.now() },
    ...(time !== undefined ? { timers: time } : {}),
    lanes: new SerialLanes(),
    emit: <N extends EventName>(event: N, payload: EventPayload<N>) => void emitted.push({ event, payload }),
    progressIntervalMs: 100,
    logIntervalMs: 250,
    ...rest,
  });
  const finished = (id: string) =>
    vi.waitFor(() => {
      const e = emitted.find((x) => x.event === 'job:finished' && (x.payload as JobSnapshot).id === id);
      if (e === undefined) throw new Error('not finished yet');
      return e.payload as JobSnapshot;
    });
  return { emitted, manager, finished };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('JobManager', () => {
  it('runs jobs of one lane in order and reports each status change', async () => {
    const { manager, finished } = setup();
    const a = controllableJob('repo');
    const b = controllableJob('repo');
    const snapA = manager.submit(a.spec);
    const snapB = manager.submit(b.spec);
    expect(snapA.status).toBe('queued');
    await a.started;
    expect(manager.list().map((j) => j.status)).toEqual(['running', 'queued']);
    a.finish('warning');
    expect((await finished(snapA.id)).status).toBe('warning');
    await b.started;
    expect(manager.list().map((j) => j.status)).toEqual(['warning', 'running']);
    b.finish('succeeded');
    expect((await finished(snapB.id)).status).toBe('succeeded');
  });

  it('runs jobs of different lanes at the same time', async () => {
    const { manager } = setup();
    const a = controllableJob('one');
    const b = controllableJob('two');
    manager.submit(a.spec);
    manager.submit(b.spec);
    await Promise.all([a.started, b.started]);
    expect(manager.list().map((j) => j.status)).toEqual(['running', 'running']);
    a.finish('succeeded');
    b.finish('succeeded');
  });

  it('cancels queued and running jobs', async () => {
    const { manager, finished } = setup();
    const a = controllableJob('repo');
    const b = controllableJob('repo');
    const snapA = manager.submit(a.spec);
    const snapB = manager.submit(b.spec);
    await a.started;
    expect(manager.cancel(snapB.id)).toBe(true);
    expect((await finished(snapB.id)).status).toBe('cancelled');
    expect(manager.cancel(snapA.id)).toBe(true);
    const final = await finished(snapA.id);
    expect(final.status).toBe('cancelled');
    expect(final.error).toBeUndefined();
    expect(manager.cancel(snapA.id)).toBe(false);
    expect(manager.cancel('unknown')).toBe(false);
    expect(manager.log(snapA.id).at(-1)?.message).toBe('Cancelled.');
  });

  it('serializes failures: borg errors keep their code, others become Internal without a stack', async () => {
    vi.spyOn(coreLog, 'error').mockImplementation(() => undefined);
    const { manager, finished } = setup();
    const a = controllableJob('x');
    const b = controllableJob('y');
    const snapA = manager.submit(a.spec);
    const snapB = manager.submit(b.spec);
    await Promise.all([a.started, b.started]);
    a.fail(new BorgError({ code: 'LockTimeout', message: 'Locked.', remedy: 'Wait.', rc: 2 }));
    b.fail(new TypeError('x is undefined'));
    expect((await finished(snapA.id)).error).toEqual({
      code: 'LockTimeout',
      message: 'Locked.',
      remedy: 'Wait.',
      rc: 2,
    });
    const errorB = (await finished(snapB.id)).error;
    expect(errorB?.code).toBe('Internal');
    expect(JSON.stringify(errorB)).not.toContain('undefined');
    expect(manager.log(snapA.id).at(-1)).toMatchObject({ level: 'error', message: 'Locked. Wait.' });
  });

  it('throttles progress, logs borg messages, and flushes both before the finished event', async () => {
    const { manager, emitted, finished } = setup();
    const a = controllableJob('repo');
    const snap = manager.submit(a.spec);
    await a.started;
    for (let i = 1; i <= 1000; i++)
      a.ctx().onEvent({ type: 'archive_progress', originalSize: i * 10, nfiles: i });
    a.ctx().onEvent({ type: 'log_message', level: 'WARNING', message: 'file changed while we backed it up' });
    a.ctx().onEvent({ type: 'file_status', status: 'A', path: 'f' });
    a.finish('succeeded');
    const final = await finished(snap.id);
    const names = emitted.map((e) => e.event);
    const progress = emitted
      .filter((e) => e.event === 'job:progress')
      .map((e) => e.payload as EventPayload<'job:progress'>);
    expect(progress.length).toBeLessThanOrEqual(3);
    expect(progress.at(-1)?.progress).toMatchObject({
      kind: 'backup',
      originalSize: 10_000,
      fileCount: 1000,
    });
    expect(final.progress).toMatchObject({ originalSize: 10_000 });
    expect(names.lastIndexOf('job:progress')).toBeLessThan(names.indexOf('job:finished'));
    expect(names.lastIndexOf('job:log')).toBeLessThan(names.indexOf('job:finished'));
    expect(manager.log(snap.id).map((e) => e.message)).toEqual(['file changed while we backed it up']);
  });

  it('runs other kinds with their own progress tracker, log lines and result', async () => {
    const { manager, emitted, finished } = setup();
    const restoreResult = { targetDir: '/t', fileCount: 2, totalBytes: 9, skippedCount: 0, warnings: ['w'] };
    const snap = manager.submit({
      kind: 'restore',
      repoId: 'r',
      lane: 'r',
      title: 'Restore',
      progress: () => ({
        accept: (event, elapsedMs) =>
          event.type === 'progress_percent'
            ? { kind: 'step', message: 'own', elapsedMs, bytesDone: event.current ?? 0 }
            : undefined,
        render: (update) => {
          if (update.kind !== 'step') throw new Error('only step progress here');
          return { ...update, message: 'rendered' };
        },
      }),
      async run({ onEvent, log }) {
        log('info', 'Running: borg extract');
        onEvent({ type: 'progress_percent', msgid: 'extract', current: 7, total: 9, finished: false });
        return { status: 'warning', restoreResult };
      },
    });
    const final = await finished(snap.id);
    expect(final).toMatchObject({ kind: 'restore', status: 'warning', restoreResult });
    expect(final.result).toBeUndefined();
    const progress = emitted.filter((e) => e.event === 'job:progress');
    expect(progress.at(-1)?.payload).toMatchObject({ progress: { message: 'rendered', bytesDone: 7 } });
    expect(manager.log(snap.id)).toMatchObject([{ level: 'info', message: 'Running: borg extract' }]);
    expect(manager.hasActive('r')).toBe(false);
  });

  it("carries a plan's id on every snapshot of its job, and none for other jobs", async () => {
    const { manager, emitted, finished } = setup();
    const planJob = controllableJob('repo');
    const snap = manager.submit({ ...planJob.spec, planId: 'plan-7' });
    expect(snap.planId).toBe('plan-7');
    await planJob.started;
    planJob.finish('succeeded');
    expect(await finished(snap.id)).toMatchObject({ planId: 'plan-7', status: 'succeeded' });
    const updates = emitted.filter((e) => e.event === 'job:updated').map((e) => e.payload as JobSnapshot);
    expect(updates.map((u) => u.planId)).toEqual(['plan-7', 'plan-7', 'plan-7']);
    const plain = controllableJob('repo');
    const plainSnap = manager.submit(plain.spec);
    expect(plainSnap).not.toHaveProperty('planId');
    await plain.started;
    plain.finish('succeeded');
    expect(await finished(plainSnap.id)).not.toHaveProperty('planId');
  });

  it('knows which repositories have queued or running jobs', async () => {
    const { manager, finished } = setup();
    const a = controllableJob('repo');
    const snap = manager.submit(a.spec);
    expect(manager.hasActive('repo')).toBe(true);
    expect(manager.hasActive('other')).toBe(false);
    await a.started;
    a.finish('succeeded');
    await finished(snap.id);
    expect(manager.hasActive('repo')).toBe(false);
  });

  it('keeps only the most recent finished jobs', async () => {
    const { manager, finished } = setup({ maxFinishedJobs: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const job = controllableJob('repo');
      ids.push(manager.submit(job.spec).id);
      await job.started;
      job.finish('succeeded');
      await finished(ids[i] ?? '');
    }
    expect(manager.list().map((j) => j.id)).toEqual(ids.slice(3));
    expect(() => manager.log(ids[0] ?? '')).toThrow(/no longer kept/);
  });

  it('hands a job its log so far, and a second cancel aborts its stopSignal', async () => {
    const { manager, finished } = setup();
    let sawLog: readonly string[] = [];
    const snap = manager.submit({
      kind: 'backup',
      repoId: 'r',
      lane: 'r',
      title: 'cleans up after a cancel',
      run: async (ctx) => {
        ctx.log('info', 'first line');
        sawLog = (ctx.logSoFar?.() ?? []).map((e) => e.message);
        await aborted(ctx.signal);
        // What runs after the first cancel (a failure hook) waits for the second one.
        if (ctx.stopSignal !== undefined) await aborted(ctx.stopSignal);
        ctx.log('info', 'stopped after the second cancel');
        throw new BorgError({ code: 'Cancelled', message: 'The task was cancelled.' });
      },
    });
    await vi.waitFor(() => expect(sawLog).toEqual(['first line']));
    expect(manager.cancel(snap.id)).toBe(true);
    expect(manager.list()[0]?.status).toBe('running');
    expect(manager.cancel(snap.id)).toBe(true);
    expect((await finished(snap.id)).status).toBe('cancelled');
    expect(manager.log(snap.id).map((e) => e.message)).toContain('stopped after the second cancel');
    expect(manager.cancel(snap.id)).toBe(false);
  });

  it('dispose cancels everything and refuses new jobs', async () => {
    const { manager } = setup();
    const a = controllableJob('repo');
    const b = controllableJob('repo');
    manager.submit(a.spec);
    manager.submit(b.spec);
    await a.started;
    await manager.dispose();
    expect(manager.list().map((j) => j.status)).toEqual(['cancelled', 'cancelled']);
    expect(() => manager.submit(controllableJob('repo').spec)).toThrow(/shutting down/);
  });

  it('says what a job queued behind another of its lane waits for, and cancels it while it waits', async () => {
    const { manager, finished } = setup();
    const a = controllableJob('repo');
    const b = controllableJob('repo');
    const titleWords = { code: 'backup' as const, params: { repo: 'Home' } };
    manager.submit({ ...a.spec, title: 'Back up to Home', titleWords });
    await a.started;
    const queued = manager.submit(b.spec);
    expect(queued.waitingFor).toBe('Waiting for “Back up to Home” to finish');
    // The same as data, for the renderer to word.
    expect(queued.waitingWords).toEqual({ code: 'job', title: 'Back up to Home', titleWords });
    expect(queued.titleWords).toBeUndefined();
    expect(manager.cancel(queued.id)).toBe(true);
    expect((await finished(queued.id)).status).toBe('cancelled');
    a.finish('succeeded');
    await manager.dispose();
  });

  it('retries a failed job with --lock-wait and refuses a job that did not fail', async () => {
    const { manager, finished } = setup();
    const seen: (number | undefined)[] = [];
    const spec: JobSpec = {
      kind: 'backup',
      repoId: 'repo',
      lane: 'repo',
      title: 'locked',
      run: async (ctx) => {
        seen.push(ctx.lockWaitSeconds);
        ctx.log('info', 'Running: borg --lock-wait=120 create');
        if (ctx.lockWaitSeconds === undefined)
          throw new BorgError({ code: 'LockTimeout', message: 'The repository is in use.' });
        return { status: 'succeeded' };
      },
    };
    const first = manager.submit(spec);
    expect((await finished(first.id)).status).toBe('failed');
    const retry = manager.retryWithLockWait(first.id, 120);
    expect((await finished(retry.id)).status).toBe('succeeded');
    expect(seen).toEqual([undefined, 120]);
    // The command line stays first; the note on the wait follows it.
    expect(manager.log(retry.id).map((e) => e.message)).toEqual([
      'Running: borg --lock-wait=120 create',
      "Borg waits up to 120 s for the repository's lock (--lock-wait).",
    ]);
    expect(() => manager.retryWithLockWait(retry.id, 60)).toThrow(/can no longer be retried/);
    await manager.dispose();
  });

  it('says on the running retry whose lock it waits for, until borg reports progress', async () => {
    const { manager, finished } = setup();
    const job = controllableJob('repo');
    const first = manager.submit({
      ...job.spec,
      run: (ctx) =>
        ctx.lockWaitSeconds === undefined
          ? Promise.reject(new BorgError({ code: 'LockTimeout', message: 'The repository is in use.' }))
          : job.spec.run(ctx),
    });
    await finished(first.id);
    const retried = manager.retryWithLockWait(first.id, 90, { holderPid: 42, holderHost: 'nas' });
    await job.started;
    expect(job.ctx().lockWaitSeconds).toBe(90);
    expect(manager.list().find((j) => j.id === retried.id)).toMatchObject({
      status: 'running',
      waitingFor: 'Waiting up to 90 s for the lock held by borg (pid 42) on nas',
      // The renderer words it from these.
      waitingWords: { code: 'lock', seconds: 90, holderPid: 42, holderHost: 'nas' },
    });
    job.ctx().onEvent({ type: 'archive_progress', originalSize: 10, nfiles: 1 });
    expect(manager.list().find((j) => j.id === retried.id)?.waitingFor).toBeUndefined();
    job.finish('succeeded');
    expect((await finished(retried.id)).status).toBe('succeeded');
    await manager.dispose();
  });

  it('says on its heartbeat that a backup stalled, on the injected clock, and clears it when borg moves', async () => {
    const time = new ManualTime(Date.UTC(2026, 0, 1));
    const { manager, emitted, finished } = setup({ time });
    const job = controllableJob('repo');
    const snap = manager.submit(job.spec);
    await job.started;
    const stalls = () =>
      emitted.flatMap((e) => {
        const progress =
          e.event === 'job:progress'
            ? (e.payload as { progress: JobSnapshot['progress'] }).progress
            : undefined;
        return progress?.kind === 'backup' ? [progress.stalledForMs] : [];
      });
    job.ctx().onEvent({ type: 'archive_progress', originalSize: 10, nfiles: 1, path: 'a' });
    time.advance(115_000);
    expect(stalls()).toEqual([undefined]);
    time.advance(5_000);
    expect(stalls().at(-1)).toBe(120_000);
    time.advance(60_000);
    expect(stalls().at(-1)).toBe(180_000);
    time.advance(1000);
    job.ctx().onEvent({ type: 'archive_progress', originalSize: 20, nfiles: 2, path: 'b' });
    expect(stalls().at(-1)).toBeUndefined();
    job.finish('succeeded');
    await finished(snap.id);
    // The heartbeat ends with the job.
    expect(time.pendingCount()).toBe(0);
  });
});
