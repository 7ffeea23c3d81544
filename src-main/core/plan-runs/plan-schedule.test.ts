/**
 * PlanSchedule's gates on real stores (plans.json and repositories.json in a temp dir) and the real
 * Node environment source, on hand-driven time. The runner is the one simulated part: it records
 * each scheduled run and reports it finished at once, as a quick backup would.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeEnvironmentSource } from '../environment/node-environment.js';
import { createPlan } from '../plans/plan.js';
import { RepositoryRegistry } from '../repositories/repository-registry.js';
import type { Schedule } from '../../model/schedule.js';
import { ManualTime } from '../schedule/manual-time.js';
import { flush, HOUR, MIN } from '../schedule/test-harness.js';
import type { EnvironmentSource } from '../services.js';
import type { RunReporter } from './plan-runner.js';
import { PlanSchedule, type PlanScheduleDeps } from './plan-schedule.js';
import { PlanStore, targetKey } from './plan-store.js';

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-plan-schedule-'));
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** A registry holding the given locations, and a plan backing up to each of them on `schedule`. */
async function setUp(locations: readonly string[], schedule: Schedule) {
  const registry = await RepositoryRegistry.open(root);
  const repos = [];
  for (const location of locations)
    repos.push(
      await registry.add({ name: location, location, needsPassphrase: false, consentedPrompts: [] }),
    );
  const store = await PlanStore.open(root);
  const plan = createPlan(
    { name: 'Home', sourcePaths: [root], targets: repos.map((r) => ({ repoId: r.id, schedule })) },
    'plan-1',
    [],
  );
  await store.put(plan);
  return { registry, store, plan, repoIds: repos.map((r) => r.id) };
}

function start(
  time: ManualTime,
  setup: Awaited<ReturnType<typeof setUp>>,
  extra: Pick<PlanScheduleDeps, 'networkReady' | 'environment'>,
) {
  const runs: string[] = [];
  let reporter: RunReporter | undefined;
  const schedule = new PlanSchedule({
    clock: time,
    timers: time,
    store: setup.store,
    repos: {
      require: (repoId) => {
        const repo = setup.registry.get(repoId);
        if (repo === undefined) throw new Error(`no repository ${repoId}`);
        return repo;
      },
    },
    runner: {
      attach: (r) => {
        reporter = r;
      },
      runScheduled: (planId, repoId) => {
        const id = targetKey(planId, repoId);
        runs.push(`${repoId} at +${(time.now() - startedAt) / MIN} min`);
        reporter?.markStarted(id);
        reporter?.markFinished(id, { ok: true, at: time.now() });
      },
    },
    onChanged: () => undefined,
    ...extra,
  });
  const startedAt = time.now();
  schedule.start();
  return { schedule, runs };
}

describe('PlanSchedule', () => {
  it('holds a remote target back until its network is ready, then runs it once', async () => {
    const setup = await setUp(['ssh://borg@backup.invalid/./repo', path.join(root, 'local-repo')], {
      kind: 'every-hours',
      hours: 1,
    });
    const [remoteId, localId] = setup.repoIds;
    const time = new ManualTime(Date.parse('2026-03-10T08:00:00Z'));
    let online = false;
    const asked: string[] = [];
    const { schedule, runs } = start(time, setup, {
      networkReady: async (location) => {
        asked.push(location);
        return online;
      },
    });

    time.advance(HOUR);
    await flush();
    // Only the remote target asks, with its own location; the local one runs on time.
    expect(asked).toEqual(['ssh://borg@backup.invalid/./repo']);
    expect(runs).toEqual([`${localId} at +60 min`]);
    expect(schedule.upcoming().find((r) => r.repoId === remoteId)).toMatchObject({ waitingFor: 'network' });

    time.advance(MIN);
    await flush();
    expect(asked).toHaveLength(2);
    online = true;
    time.advance(MIN);
    await flush();
    time.advance(5 * MIN);
    await flush();
    expect(runs).toEqual([`${localId} at +60 min`, `${remoteId} at +62 min`]);
    expect(schedule.upcoming().find((r) => r.repoId === remoteId)?.waitingFor).toBeUndefined();
    schedule.stop();
  });

  it('holds a run back on battery and runs it when the environment reports mains power', async () => {
    const setup = await setUp([path.join(root, 'repo')], {
      kind: 'every-hours',
      hours: 1,
      conditions: { notOnBattery: true },
    });
    const time = new ManualTime(Date.parse('2026-03-10T08:00:00Z'));
    let onBattery = true;
    const environment = createNodeEnvironmentSource({
      platform: 'linux',
      timers: time,
      readOnBattery: async () => onBattery,
    });
    await environment.refresh();
    const { schedule, runs } = start(time, setup, { environment });

    time.advance(2 * HOUR);
    await flush();
    expect(runs).toEqual([]);
    expect(schedule.upcoming()[0]).toMatchObject({ waitingFor: 'conditions' });

    onBattery = false;
    const changed = nextChange(environment);
    time.advance(MIN); // the source's next poll notices mains power
    await changed;
    time.advance(0);
    expect(runs).toEqual([`${setup.repoIds[0]} at +121 min`]);
    expect(schedule.upcoming()[0]?.waitingFor).toBeUndefined();

    schedule.stop();
    expect(time.pendingCount()).toBe(0);
  });
});

/** Resolves after the source's next change notification (and PlanSchedule's listener, added earlier, ran). */
function nextChange(environment: EnvironmentSource): Promise<void> {
  return new Promise((resolve) => {
    const stop = environment.onChange(() => {
      stop();
      resolve();
    });
  });
}
