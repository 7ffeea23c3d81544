import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckSchedule } from '../../model/check.js';
import { CheckStore } from './check-store.js';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-check-store-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const daily = (repoId: string): CheckSchedule => ({
  repoId,
  schedule: { kind: 'daily', at: '03:00' },
  mode: 'verify-data',
});

describe('CheckStore', () => {
  it('starts empty and keeps schedules and run state across a reload', async () => {
    const store = await CheckStore.open(dir);
    expect(store.list()).toEqual([]);
    expect(store.stateOf('a')).toEqual({});
    await store.put(daily('a'));
    await store.put({
      repoId: 'b',
      schedule: { kind: 'weekly', days: [0], at: '12:30' },
      mode: 'repository',
    });
    await store.noteState('a', { lastAttemptAt: 1000 });
    await store.noteState('a', { lastRunAt: 2000 });

    const reloaded = await CheckStore.open(dir);
    expect(reloaded.list().map((c) => c.repoId)).toEqual(['a', 'b']);
    expect(reloaded.get('a')).toEqual(daily('a'));
    expect(reloaded.stateOf('a')).toEqual({ lastAttemptAt: 1000, lastRunAt: 2000 });
  });

  it('replaces a schedule and forgets it when set to off, keeping when it last ran', async () => {
    const store = await CheckStore.open(dir);
    await store.put(daily('a'));
    await store.put({ ...daily('a'), mode: 'repository' });
    expect(store.list()).toEqual([{ ...daily('a'), mode: 'repository' }]);
    await store.noteState('a', { lastRunAt: 5 });
    await store.put({ repoId: 'a', schedule: { kind: 'off' }, mode: 'repository' });
    expect(store.get('a')).toBeUndefined();
    expect((await CheckStore.open(dir)).stateOf('a')).toEqual({ lastRunAt: 5 });
  });

  it('drops schedules and state of repositories that were removed', async () => {
    const store = await CheckStore.open(dir);
    await store.put(daily('kept'));
    await store.put(daily('gone'));
    await store.noteState('gone', { lastRunAt: 1 });
    expect(await store.forget('gone')).toBe(true);
    expect(await store.forget('gone')).toBe(false);
    const reloaded = await CheckStore.open(dir);
    expect(reloaded.list().map((c) => c.repoId)).toEqual(['kept']);
    expect(reloaded.stateOf('gone')).toEqual({});
  });

  it('sets aside a schedule that does not validate and keeps the others', async () => {
    await fs.writeFile(
      path.join(dir, 'checks.json'),
      JSON.stringify({
        version: 1,
        checks: [{ repoId: 3 }, daily('a')],
        state: { a: { lastRunAt: 'soon' } },
      }),
    );
    const store = await CheckStore.open(dir);
    expect(store.list()).toEqual([daily('a')]);
    expect(store.stateOf('a')).toEqual({});
    const names = await fs.readdir(dir);
    expect(names.filter((n) => n.startsWith('checks.json.set-aside-'))).toHaveLength(1);
  });

  it('keeps keys a newer Borgdesk added to a schedule when it writes the file again', async () => {
    await fs.writeFile(
      path.join(dir, 'checks.json'),
      JSON.stringify({ version: 1, checks: [{ ...daily('a'), window: '02-05' }], later: true }),
    );
    const store = await CheckStore.open(dir);
    await store.noteState('a', { lastRunAt: 1 });
    const file = JSON.parse(await fs.readFile(path.join(dir, 'checks.json'), 'utf8'));
    expect(file).toMatchObject({ later: true, checks: [{ ...daily('a'), window: '02-05' }] });
  });
});
