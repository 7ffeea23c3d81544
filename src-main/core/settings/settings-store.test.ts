import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, openSettingsStore } from './settings-store.js';
import { ConfigNotices } from './config-notices.js';
import { log as coreLog } from '../logging/log.js';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-settings-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('settings store', () => {
  it('starts with defaults and persists updates with a version', async () => {
    const store = await openSettingsStore(dir);
    expect(store.get()).toEqual(defaultSettings);
    expect(await store.update({ borgPath: '/opt/borg', staleAfterDays: 7 })).toEqual({
      ...defaultSettings,
      borgPath: '/opt/borg',
      staleAfterDays: 7,
    });
    const file = JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8'));
    expect(file).toEqual({ version: 1, ...defaultSettings, borgPath: '/opt/borg', staleAfterDays: 7 });
    const reopened = (await openSettingsStore(dir)).get();
    expect(reopened.borgPath).toBe('/opt/borg');
    expect(reopened.staleAfterDays).toBe(7);
  });

  it('migrates a file without a version and fills in missing fields', async () => {
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify({ defaultCompression: 'zstd,3' }));
    expect((await openSettingsStore(dir)).get()).toEqual({
      ...defaultSettings,
      defaultCompression: 'zstd,3',
    });
  });

  it('gives a version 1 file from before notifications the default level, stale allowance, login choice, no metrics file and the system language', async () => {
    await fs.writeFile(
      path.join(dir, 'settings.json'),
      JSON.stringify({ version: 1, borgPath: '/usr/bin/borg', defaultCompression: 'none' }),
    );
    const loaded = (await openSettingsStore(dir)).get();
    expect(loaded).toEqual({
      borgPath: '/usr/bin/borg',
      defaultCompression: 'none',
      notificationLevel: 'problems',
      staleAfterDays: 3,
      startAtLogin: false,
      metricsTextfile: '',
      archiveIndexCacheMb: 2000,
      language: 'system',
    });
    // The old file was understood, not set aside as corrupt.
    expect((await fs.readdir(dir)).some((n) => n.includes('corrupt'))).toBe(false);
  });

  it('keeps the metrics textfile path across a reopen', async () => {
    const store = await openSettingsStore(dir);
    await store.update({ metricsTextfile: '/var/lib/prometheus/node-exporter/borgdesk.prom' });
    await store.update({ staleAfterDays: 4 });
    expect((await openSettingsStore(dir)).get().metricsTextfile).toBe(
      '/var/lib/prometheus/node-exporter/borgdesk.prom',
    );
  });

  it('resets only a stale allowance outside 1..60 to its default, keeping the other fields', async () => {
    await fs.writeFile(
      path.join(dir, 'settings.json'),
      JSON.stringify({ version: 1, staleAfterDays: 0, borgPath: '/opt/borg' }),
    );
    const notices = new ConfigNotices();
    expect((await openSettingsStore(dir, notices)).get()).toEqual({
      ...defaultSettings,
      borgPath: '/opt/borg',
    });
    // The renderer names the setting from its key; the English label stays for the log-like fallback.
    expect(notices.list()[0]).toMatchObject({
      kind: 'entries-set-aside',
      settingFields: ['staleAfterDays'],
      names: ['Warn when no backup for (days)'],
    });
    const names = await fs.readdir(dir);
    expect(names.filter((n) => n.startsWith('settings.json.set-aside-'))).toHaveLength(1);
  });

  it('keeps the original aside and starts from defaults when the file is not JSON', async () => {
    vi.spyOn(coreLog, 'warn').mockImplementation(() => undefined);
    await fs.writeFile(path.join(dir, 'settings.json'), '{"version": 1, "borgPath": "/opt/bo');
    expect((await openSettingsStore(dir)).get()).toEqual(defaultSettings);
    const names = await fs.readdir(dir);
    expect(names.some((n) => n.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('applies concurrent updates in order, each on top of the last saved one', async () => {
    const store = await openSettingsStore(dir);
    await Promise.all([store.update({ borgPath: '/opt/borg' }), store.update({ staleAfterDays: 5 })]);
    expect(store.get()).toMatchObject({ borgPath: '/opt/borg', staleAfterDays: 5 });
    expect((await openSettingsStore(dir)).get()).toEqual(store.get());
  });
});
