/**
 * Saves that fail on a real disk: a full tmpfs (ENOSPC from the kernel) and a read-only one. A failed
 * save rejects with a plain message naming the folder and changes neither the store nor the file.
 * Where this machine cannot mount a tmpfs, the full-disk case runs against /dev/full instead (the
 * kernel's own always-full device) and says why.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PlanStore } from '../plan-runs/plan-store.js';
import type { Plan } from '../../model/plan.js';
import { storeDrivers } from '../test-support/config-store-drivers.js';
import { mountSmallDisk, type SmallDisk } from '../test-support/small-disk.js';
import { ConfigNotices } from './config-notices.js';

const plan = (id: string, name: string): Plan => ({
  id,
  archivePrefix: id,
  name,
  targets: [{ repoId: 'r1', schedule: { kind: 'off' } }],
  sourcePaths: ['/home/me/Documents'],
  excludes: [],
  patterns: [],
  presets: [],
  excludeCaches: true,
  excludeIfPresent: ['.nobackup'],
  oneFileSystem: false,
  compression: 'lz4',
  archiveNameTemplate: '{hostname}-{now}',
});

let disk: SmallDisk | undefined;
let root: string;
let case_ = 0;
beforeAll(async () => {
  const mounted = await mountSmallDisk(256);
  if (typeof mounted === 'string') {
    console.log(`config-disk: ${mounted}; the full-disk case uses /dev/full instead`);
    root = await fs.mkdtemp('/tmp/borgdesk-config-disk-');
  } else {
    disk = mounted;
    root = mounted.dir;
  }
});
afterAll(async () => {
  if (disk !== undefined) await disk.unmount();
  else await fs.rm(root, { recursive: true, force: true });
});

// Each test gets its own config folder on the disk.
async function configDir(): Promise<string> {
  const dir = path.join(root, `config-${++case_}`);
  await fs.mkdir(dir);
  return dir;
}

async function fillDisk(): Promise<() => Promise<void>> {
  if (disk !== undefined) {
    await disk.fill();
    return () => disk?.free() ?? Promise.resolve();
  }
  // Stand-in: every temp file of writeJsonAtomic is opened on /dev/full, whose writes fail with ENOSPC.
  const open = fs.open.bind(fs);
  const spy = vi
    .spyOn(fs, 'open')
    .mockImplementation((file, ...rest) =>
      String(file).endsWith('.tmp') ? open('/dev/full', 'w') : open(file, ...rest),
    );
  return async () => spy.mockRestore();
}

describe('a full config disk', () => {
  it('rejects a plan save naming the folder and leaves the plans in memory and on disk as they were', async () => {
    const dir = await configDir();
    const notices = new ConfigNotices();
    const store = await PlanStore.open(dir, notices);
    await store.put(plan('p1', 'Documents'));
    const file = path.join(dir, 'plans.json');
    const before = await fs.readFile(file);
    const free = await fillDisk();
    try {
      const error = await store.put(plan('p2', 'Photos')).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'ConfigDiskFull',
        message: `The disk holding Borgdesk's settings is full. plans.json could not be saved in ${dir}.`,
        remedy: expect.stringContaining('Free some space'),
      });
      expect(store.list().map((p) => p.name)).toEqual(['Documents']);
      expect(store.get('p2')).toBeUndefined();
      // A background state save fails the same way and changes nothing either.
      await expect(store.noteState('p1|r1', { lastRunAt: 1 })).rejects.toMatchObject({
        code: 'ConfigDiskFull',
      });
      expect(store.stateOf('p1|r1')).toEqual({});
      expect((await fs.readFile(file)).equals(before)).toBe(true);
      expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      expect(notices.list()).toEqual([
        expect.objectContaining({
          file: 'plans',
          kind: 'write-failed',
          detail: expect.stringContaining(dir),
        }),
      ]);
    } finally {
      await free();
    }
    // Space again: the next save works, sees only what was saved, and the notice goes.
    await store.put(plan('p3', 'Music'));
    expect((await PlanStore.open(dir)).list().map((p) => p.name)).toEqual(['Documents', 'Music']);
    expect(notices.list()).toEqual([]);
  });

  it.each(storeDrivers)('makes every $name save reject without changing the store', async (driver) => {
    const dir = await configDir();
    const store = await driver.open(dir, new ConfigNotices());
    await store.save();
    const snapshot = store.snapshot();
    const free = await fillDisk();
    try {
      await expect(store.save()).rejects.toMatchObject({ code: 'ConfigDiskFull' });
      expect(store.snapshot()).toEqual(snapshot);
    } finally {
      await free();
    }
    expect((await driver.open(dir, new ConfigNotices())).snapshot()).toEqual(snapshot);
  });
});

describe('a read-only config disk', () => {
  it('names the folder as read-only, and keeps set-aside entries in the file until they can be saved', async () => {
    if (disk === undefined) {
      console.log('config-disk: skipped the read-only disk case, it needs a tmpfs to remount (see above)');
      return;
    }
    const dir = await configDir();
    const file = path.join(dir, 'plans.json');
    const bad = { ...plan('p2', 'x'.repeat(81)) };
    await fs.writeFile(file, JSON.stringify({ version: 1, plans: [plan('p1', 'Documents'), bad] }));
    const before = await fs.readFile(file);
    await disk.remount('ro');
    const notices = new ConfigNotices();
    let store: PlanStore;
    try {
      store = await PlanStore.open(dir, notices);
      expect(store.list().map((p) => p.id)).toEqual(['p1']);
      // The set-aside file could not be written: the bad plan is still only in plans.json, and says so.
      expect(notices.list()).toEqual([
        expect.objectContaining({ kind: 'entries-set-aside', count: 1, keptAt: file }),
      ]);
      await expect(store.put(plan('p3', 'Music'))).rejects.toMatchObject({
        code: 'ConfigNotWritable',
        message: expect.stringContaining(`read-only. plans.json could not be saved in ${dir}`),
      });
      expect((await fs.readFile(file)).equals(before)).toBe(true);
    } finally {
      await disk.remount('rw');
    }
    await store.put(plan('p3', 'Music'));
    const keptAt = notices.list().find((n) => n.kind === 'entries-set-aside')?.keptAt ?? '';
    expect(keptAt).toMatch(/plans\.json\.set-aside-/);
    const kept = JSON.parse(await fs.readFile(keptAt, 'utf8')) as { entries: { entry: unknown }[] };
    expect(kept.entries.map((e) => e.entry)).toEqual([JSON.parse(JSON.stringify(bad))]);
    expect((await PlanStore.open(dir)).list().map((p) => p.id)).toEqual(['p1', 'p3']);
  });
});
