/**
 * Every config store on real files: one bad entry is set aside alone and reported, a truncated file
 * is kept aside and the store starts empty, a file from a newer Borgdesk is used but never written.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storeDrivers, type OpenStore, type StoreDriver } from '../test-support/config-store-drivers.js';
import { ConfigNotices } from './config-notices.js';
import { log as coreLog } from '../logging/log.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-config-'));
  vi.spyOn(coreLog, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeFile(driver: StoreDriver, content: unknown, into = dir): Promise<string> {
  const file = path.join(into, `${driver.name}.json`);
  await fs.writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

let twins: string[] = [];
afterEach(async () => {
  await Promise.all(twins.map((t) => fs.rm(t, { recursive: true, force: true })));
  twins = [];
});

// The same store opened on a file of `entries` elsewhere (no file: empty), as the bar to compare with.
async function twin(driver: StoreDriver, entries?: readonly Record<string, unknown>[]): Promise<OpenStore> {
  const other = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-config-twin-'));
  twins.push(other);
  if (entries !== undefined) await writeFile(driver, driver.fileWith(entries), other);
  return driver.open(other, new ConfigNotices());
}

// How a bad entry appears in the set-aside file: verbatim (for settings, the field's value).
function storedForm(driver: StoreDriver, entry: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(driver.name === 'settings' ? Object.values(entry)[0] : entry));
}

describe.each(storeDrivers)('$name.json', (driver) => {
  it.each(driver.bad)('sets aside only the entry with $why and keeps every other one', async ({ entry }) => {
    const [first, second] = driver.valid;
    await writeFile(driver, driver.fileWith([first, entry, second]));
    const notices = new ConfigNotices();
    const store = await driver.open(dir, notices);

    expect(store.snapshot()).toEqual((await twin(driver, driver.valid)).snapshot());
    const [notice, ...others] = notices.list();
    expect(others).toEqual([]);
    expect(notice).toMatchObject({ file: driver.name, kind: 'entries-set-aside', count: 1 });
    expect(notice?.keptAt).toMatch(new RegExp(`${driver.name}\\.json\\.set-aside-.*\\.json$`));
    const keptAt = notice?.keptAt ?? '';
    const kept = JSON.parse(await fs.readFile(keptAt, 'utf8')) as {
      entries: { entry: unknown; reason: string }[];
    };
    expect(kept.entries).toHaveLength(1);
    expect(kept.entries[0]?.entry).toEqual(storedForm(driver, entry));
    expect(kept.entries[0]?.reason).not.toBe('');

    // A save keeps the valid entries and drops the bad one, which stays in the set-aside file.
    await store.save();
    const reopenedNotices = new ConfigNotices();
    await driver.open(dir, reopenedNotices);
    expect(reopenedNotices.list()).toEqual([]);
    expect(JSON.parse(await fs.readFile(keptAt, 'utf8'))).toEqual(kept);
  });

  it('reports the same set-aside entries at every start without piling up copies', async () => {
    await writeFile(driver, driver.fileWith([driver.valid[0], driver.bad[0]?.entry ?? {}]));
    const first = new ConfigNotices();
    await driver.open(dir, first);
    const second = new ConfigNotices();
    await driver.open(dir, second);
    expect(second.list()[0]?.keptAt).toBe(first.list()[0]?.keptAt);
    expect((await fs.readdir(dir)).filter((n) => n.includes('set-aside'))).toHaveLength(1);
  });

  it('keeps a truncated file aside, starts empty and says so', async () => {
    const text = JSON.stringify(driver.fileWith(driver.valid), null, 2);
    const truncated = text.slice(0, Math.floor(text.length / 2));
    await writeFile(driver, truncated);
    const notices = new ConfigNotices();
    const store = await driver.open(dir, notices);

    expect(store.snapshot()).toEqual((await twin(driver)).snapshot());
    const [notice] = notices.list();
    expect(notice).toMatchObject({ file: driver.name, kind: 'unreadable', unreadableReason: 'not-json' });
    expect(notice?.keptAt).toMatch(new RegExp(`${driver.name}\\.json\\.corrupt-`));
    expect(await fs.readFile(notice?.keptAt ?? '', 'utf8')).toBe(truncated);
    // The store works again: a save writes a fresh file.
    await store.save();
    expect(JSON.parse(await fs.readFile(path.join(dir, `${driver.name}.json`), 'utf8')).version).toBe(1);
  });

  it('uses a file from a newer Borgdesk read-only and never writes over it', async () => {
    const file = await writeFile(
      driver,
      driver.fileWith(
        [{ ...driver.valid[0], addedLater: { x: 1 } }, driver.valid[1], driver.bad[0]?.entry ?? {}],
        2,
      ),
    );
    const before = await fs.readFile(file);
    const notices = new ConfigNotices();
    const store = await driver.open(dir, notices);

    expect(store.keys()).toEqual((await twin(driver, driver.valid)).keys());
    expect(notices.list()).toEqual([
      expect.objectContaining({ file: driver.name, kind: 'newer-version', keptAt: file, count: 1 }),
    ]);
    const snapshot = store.snapshot();
    await expect(store.save()).rejects.toMatchObject({
      code: 'ConfigReadOnly',
      message: `${driver.name}.json was written by a newer Borgdesk; changes can't be saved until you update.`,
    });
    expect(store.snapshot()).toEqual(snapshot);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    expect((await fs.readdir(dir)).sort()).toEqual([`${driver.name}.json`]);
  });
});
