import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planSchema, type Plan } from '../../model/plan.js';
import { PlanStore } from './plan-store.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-plan-store-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const raw = (id: string, name: string) => ({
  id,
  archivePrefix: id,
  name,
  targets: [{ repoId: 'r1', schedule: { kind: 'off' } }],
  sourcePaths: ['/home/me'],
});
const plan = (id: string, name: string): Plan => planSchema.parse(raw(id, name));
const readFile = async () => JSON.parse(await fs.readFile(path.join(dir, 'plans.json'), 'utf8'));

describe('PlanStore', () => {
  it('applies concurrent changes in call order, none lost', async () => {
    const store = await PlanStore.open(dir);
    await Promise.all([
      store.put(plan('a', 'A')),
      store.put(plan('b', 'B')),
      store.noteState('a|r1', { lastAttemptAt: 1 }),
      store.noteState('a|r1', { lastRunAt: 2 }),
    ]);
    const reopened = await PlanStore.open(dir);
    expect(reopened.list().map((p) => p.id)).toEqual(['a', 'b']);
    expect(reopened.stateOf('a|r1')).toEqual({ lastAttemptAt: 1, lastRunAt: 2 });
  });

  it('keeps what a newer Borgdesk added to a plan (same file version) when writing it again', async () => {
    await fs.writeFile(
      path.join(dir, 'plans.json'),
      JSON.stringify({
        version: 1,
        plans: [{ ...raw('a', 'A'), bandwidthLimit: '5M' }, raw('b', 'B')],
        groups: ['x'],
      }),
    );
    const store = await PlanStore.open(dir);
    expect(store.get('a')).not.toHaveProperty('bandwidthLimit');
    await store.put({ ...plan('a', 'Renamed') });
    const file = await readFile();
    expect(file.groups).toEqual(['x']);
    expect(file.plans[0]).toMatchObject({ name: 'Renamed', bandwidthLimit: '5M' });
    expect(file.plans[1]).not.toHaveProperty('bandwidthLimit');
    // Gone with the plan.
    await store.remove('a');
    expect(JSON.stringify(await readFile())).not.toContain('bandwidthLimit');
  });
});
