/**
 * PeriodicChecks on hand-driven time with the real registry, repository service, lanes and job
 * manager; only the work of each check job is driven by the test, so runs can overlap on purpose.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckSchedule, CheckScheduleRow } from '../../model/check.js';
import { JobManager, type JobSpec } from '../jobs/job-manager.js';
import { SerialLanes } from '../jobs/serial-lanes.js';
import { RepositoryRegistry, type StoredRepository } from '../repositories/repository-registry.js';
import { RepositoryService } from '../repositories/repository-service.js';
import { ManualTime } from '../schedule/manual-time.js';
import { createMemorySecretStore } from '../secrets/memory-secret-store.js';
import { PassphraseKeeper } from '../secrets/passphrase-keeper.js';
import { CheckStore } from './check-store.js';
import { PeriodicChecks } from './periodic-checks.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
// Local wall-clock times: schedules are in the machine's zone.
const local = (day: number, hour: number, minute = 0): number =>
  new Date(2026, 2, day, hour, minute).getTime();

interface StartedCheck {
  readonly repoId: string;
  readonly mode: string;
  readonly finish: (ok: boolean) => void;
}

let dir: string;
let time: ManualTime;
let registry: RepositoryRegistry;
let repos: RepositoryService;
let jobs: JobManager;
let checks: PeriodicChecks | undefined;
let started: StartedCheck[];
let built: number;
let emitted: CheckScheduleRow[][];
let repo: StoredRepository;

// The job's work waits for the test to finish it; the spec is otherwise what a check job looks like.
function gatedCheckJob(target: StoredRepository, mode: string): JobSpec {
  built++;
  return {
    kind: 'check',
    repoId: target.id,
    lane: target.location,
    title: `Check ${target.name} (${mode})`,
    trigger: 'schedule',
    run: ({ signal }) =>
      new Promise((resolve, reject) => {
        signal.addEventListener('abort', () => reject(new Error('cancelled')));
        started.push({
          repoId: target.id,
          mode,
          finish: (ok) => (ok ? resolve({ status: 'succeeded' }) : reject(new Error('check failed'))),
        });
      }),
  };
}

async function openChecks(networkReady?: (location: string) => Promise<boolean>): Promise<PeriodicChecks> {
  const created = new PeriodicChecks({
    ...(networkReady === undefined ? {} : { networkReady }),
    clock: time,
    timers: time,
    store: await CheckStore.open(dir),
    repos,
    jobs,
    checkJob: gatedCheckJob,
    onChanged: (rows) => emitted.push(rows),
    catchUpDelayMs: MIN,
  });
  checks = created;
  return created;
}

function current(): PeriodicChecks {
  if (checks === undefined) throw new Error('checks not opened');
  return checks;
}

// Lets queued jobs start and finished ones reach the store (which writes with fsync).
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 5));
}

function daily(at: string, mode: CheckSchedule['mode'] = 'repository'): CheckSchedule {
  return { repoId: repo.id, schedule: { kind: 'daily', at }, mode };
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-checks-'));
  time = new ManualTime(local(10, 8));
  started = [];
  built = 0;
  emitted = [];
  const lanes = new SerialLanes();
  registry = await RepositoryRegistry.open(dir);
  repos = new RepositoryService({
    registry,
    secrets: new PassphraseKeeper(createMemorySecretStore()),
    lanes,
    homeDir: dir,
    borgPath: async () => '/usr/bin/borg',
    shutdown: new AbortController().signal,
    onChanged: () => current().onRepositoriesChanged(),
    onRemoved: (repoId) => void current().onRepositoryRemoved(repoId),
  });
  jobs = new JobManager({
    clock: time,
    lanes,
    emit: () => undefined,
    onFinished: (job) => current().onJobFinished(job),
  });
  const location = path.join(dir, 'repo');
  await fs.mkdir(location);
  repo = await registry.add({ name: 'Disk', location, needsPassphrase: false, consentedPrompts: [] });
});

afterEach(async () => {
  // Jobs first: their cancellation is reported to the checks, which must still be there.
  await jobs.dispose();
  checks?.stop();
  checks = undefined;
  await fs.rm(dir, { recursive: true, force: true });
});

describe('PeriodicChecks', () => {
  it('lists every repository, off until a schedule is saved', async () => {
    const c = await openChecks();
    c.start();
    expect(c.rows()).toEqual([{ repoId: repo.id, schedule: { kind: 'off' }, mode: 'repository' }]);
    const row = await c.save(daily('09:00', 'verify-data'));
    expect(row).toEqual({ ...daily('09:00', 'verify-data'), dueAt: new Date(local(10, 9)).toISOString() });
    expect(emitted.at(-1)).toEqual([row]);
    await expect(c.save({ ...daily('09:00'), repoId: 'nope' })).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('starts one scheduled check job when it is due and records the run', async () => {
    const c = await openChecks();
    c.start();
    await c.save(daily('09:00', 'verify-data'));
    time.advance(30 * MIN);
    expect(built).toBe(0);
    time.advance(31 * MIN);
    await settle();
    expect(started.map((s) => [s.repoId, s.mode])).toEqual([[repo.id, 'verify-data']]);
    expect(c.rows()[0]?.waitingFor).toBe('running');
    started[0]?.finish(true);
    await settle();
    const [row] = c.rows();
    // It ended when the clock stood at 09:01.
    expect(row?.lastRunAt).toBe(new Date(local(10, 9, 1)).toISOString());
    expect(row?.dueAt).toBe(new Date(local(11, 9)).toISOString());
    expect((await CheckStore.open(dir)).stateOf(repo.id).lastRunAt).toBe(local(10, 9, 1));
    expect(built).toBe(1);
  });

  it('never starts a check while the previous one still runs', async () => {
    const c = await openChecks();
    c.start();
    await c.save({ repoId: repo.id, schedule: { kind: 'every-hours', hours: 1 }, mode: 'repository' });
    time.advance(HOUR + MIN);
    await settle();
    expect(started).toHaveLength(1);
    // Three more slots pass while it runs: none of them starts a second check.
    time.advance(3 * HOUR);
    await settle();
    expect(built).toBe(1);
    started[0]?.finish(true);
    await settle();
    time.advance(HOUR + MIN);
    await settle();
    expect(built).toBe(2);
  });

  it('holds checks while all schedules are paused and catches up once on resume', async () => {
    const c = await openChecks();
    c.start();
    await c.save(daily('09:00'));
    c.setPaused(true);
    expect(c.rows()[0]?.waitingFor).toBe('paused');
    // Two daily slots pass while paused: nothing runs.
    time.advance(2 * 24 * HOUR);
    await settle();
    expect(built).toBe(0);
    c.setPaused(false);
    time.advance(MIN);
    await settle();
    expect(built).toBe(1);
  });

  it('catches up a check missed while the app was closed, once', async () => {
    const first = await openChecks();
    first.start();
    await first.save(daily('09:00'));
    time.advance(HOUR + MIN);
    await settle();
    started[0]?.finish(true);
    await settle();
    first.stop();
    expect(built).toBe(1);
    // The app was closed for two days and some hours: two slots missed.
    time.sleep(2 * 24 * HOUR + 4 * HOUR);
    const c = await openChecks();
    c.start();
    expect(built).toBe(1);
    time.advance(2 * MIN);
    await settle();
    expect(built).toBe(2);
    started[1]?.finish(true);
    await settle();
    // The rest of the day passes without another run before the next slot.
    time.advance(10 * HOUR);
    await settle();
    expect(built).toBe(2);
    expect(c.rows()[0]?.dueAt).toBe(new Date(local(13, 9)).toISOString());
  });

  it('skips an absent local repository quietly and checks it once it is back', async () => {
    const c = await openChecks();
    c.start();
    await c.save(daily('09:00'));
    await fs.rename(repo.location, `${repo.location}.away`);
    time.advance(HOUR + MIN);
    await settle();
    expect(built).toBe(0);
    expect(c.rows()[0]?.waitingFor).toBe('target');
    await fs.rename(`${repo.location}.away`, repo.location);
    time.advance(2 * MIN);
    await settle();
    expect(built).toBe(1);
  });

  it('waits for the network before checking a remote repository', async () => {
    const remote = await registry.add({
      name: 'Server',
      location: 'ssh://backup@example.invalid/./repo',
      needsPassphrase: false,
      consentedPrompts: [],
    });
    let online = false;
    const asked: string[] = [];
    const c = await openChecks(async (location) => {
      asked.push(location);
      return online;
    });
    c.start();
    await c.save({ ...daily('09:00'), repoId: remote.id });
    time.advance(HOUR + MIN);
    await settle();
    expect(built).toBe(0);
    expect(asked[0]).toBe(remote.location);
    expect(c.rows().find((r) => r.repoId === remote.id)?.waitingFor).toBe('network');
    online = true;
    time.advance(2 * MIN);
    await settle();
    expect(started.map((s) => s.repoId)).toEqual([remote.id]);
  });

  it('counts a successful check started by hand as the last check, and keeps the schedule', async () => {
    const c = await openChecks();
    c.start();
    await c.save(daily('09:00'));
    jobs.submit({ ...gatedCheckJob(repo, 'verify-data'), trigger: 'manual' });
    await settle();
    time.advance(10 * MIN);
    started[0]?.finish(true);
    await settle();
    expect(c.rows()[0]?.lastRunAt).toBe(new Date(local(10, 8, 10)).toISOString());
    // A failed manual check is not a check the repository passed.
    jobs.submit({ ...gatedCheckJob(repo, 'repository'), trigger: 'manual' });
    await settle();
    time.advance(10 * MIN);
    started[1]?.finish(false);
    await settle();
    expect(c.rows()[0]?.lastRunAt).toBe(new Date(local(10, 8, 10)).toISOString());
    // The daily slot still runs: a check by hand does not cancel the schedule.
    time.advance(41 * MIN);
    await settle();
    expect(started.map((s) => s.mode)).toEqual(['verify-data', 'repository', 'repository']);
  });

  it('keeps the schedule of a repository set aside from an unreadable repositories.json', async () => {
    const first = await openChecks();
    first.start();
    await first.save(daily('09:00'));
    first.stop();
    // A hand edit breaks the entry: the registry sets it aside at the next start.
    const file = path.join(dir, 'repositories.json');
    const stored = JSON.parse(await fs.readFile(file, 'utf8')) as { repositories: { location: string }[] };
    stored.repositories[0] = { ...stored.repositories[0], location: '' } as { location: string };
    await fs.writeFile(file, JSON.stringify(stored));
    const reopened = await RepositoryRegistry.open(dir);
    repos = new RepositoryService({
      registry: reopened,
      secrets: new PassphraseKeeper(createMemorySecretStore()),
      lanes: new SerialLanes(),
      homeDir: dir,
      borgPath: async () => '/usr/bin/borg',
      shutdown: new AbortController().signal,
      onChanged: () => current().onRepositoriesChanged(),
    });
    const c = await openChecks();
    c.start();
    expect(c.rows()).toEqual([]);
    // Any later change of the list (here a new repository) must not drop the set-aside one's schedule.
    const other = path.join(dir, 'other');
    await fs.mkdir(other);
    await reopened.add({ name: 'Other', location: other, needsPassphrase: false, consentedPrompts: [] });
    c.onRepositoriesChanged();
    await settle();
    expect((await CheckStore.open(dir)).get(repo.id)).toEqual(daily('09:00'));
  });

  it('drops the schedule of a repository removed from Borgdesk', async () => {
    const c = await openChecks();
    c.start();
    await c.save(daily('09:00'));
    await repos.remove({ repoId: repo.id });
    await settle();
    expect(c.rows()).toEqual([]);
    expect((await CheckStore.open(dir)).list()).toEqual([]);
    time.advance(2 * HOUR);
    await settle();
    expect(built).toBe(0);
  });
});
