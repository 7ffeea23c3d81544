import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '../../model/history.js';
import type { LogEntry } from '../../model/job.js';
import type { NewHistoryEntry } from './history-entry.js';
import { historyPaths } from './history-files.js';
import { HistoryStore, type HistoryStoreOptions } from './history-store.js';
import { log as coreLog } from '../logging/log.js';

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-history-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

const BASE = Date.parse('2024-05-01T10:00:00.000Z');

function entry(n: number, overrides: Partial<NewHistoryEntry> = {}): NewHistoryEntry {
  const finishedAt = new Date(BASE + n * 60_000).toISOString();
  return {
    id: `job-${n}`,
    kind: 'backup',
    repoId: n % 2 === 0 ? 'even' : 'odd',
    repoName: n % 2 === 0 ? 'Even' : 'Odd',
    title: `Back up ${n}`,
    trigger: 'manual',
    status: 'succeeded',
    startedAt: new Date(BASE + n * 60_000 - 5000).toISOString(),
    finishedAt,
    durationMs: 5000,
    ...overrides,
  };
}

function lines(count: number, prefix = 'line'): LogEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    time: new Date(BASE + i).toISOString(),
    level: 'info' as const,
    message: `${prefix} ${i}`,
  }));
}

const open = (options: Partial<HistoryStoreOptions> = {}) => HistoryStore.open({ dir, ...options });
const ids = (list: readonly HistoryEntry[]) => list.map((e) => e.id);

describe('HistoryStore', () => {
  it('starts empty without creating files', async () => {
    const store = await open();
    expect(store.list({ limit: 10 })).toEqual({ entries: [], hasMore: false });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('adds entries, emits them once on disk, and keeps them across reopening', async () => {
    const emitted: HistoryEntry[] = [];
    const store = await open({ emit: (e) => emitted.push(e) });
    const added = await store.add(entry(1, { stats: { fileCount: 3, archiveName: 'a' } }), lines(3));
    expect(added.logLineCount).toBe(3);
    expect(emitted).toEqual([added]);
    await store.add(entry(2, { status: 'failed', error: { code: 'Boom', message: 'It broke.' } }), []);

    const again = await open();
    const listed = again.list({ limit: 10 }).entries;
    expect(ids(listed)).toEqual(['job-2', 'job-1']);
    expect(listed[0]).toMatchObject({ status: 'failed', error: { code: 'Boom' }, logLineCount: 0 });
    expect(listed[1]?.stats).toEqual({ fileCount: 3, archiveName: 'a' });
    expect((await again.log('job-1')).map((l) => l.message)).toEqual(['line 0', 'line 1', 'line 2']);
    const files = historyPaths(dir);
    expect(JSON.parse(await fs.readFile(files.index, 'utf8'))).toMatchObject({ version: 1 });
    expect((await fs.readdir(files.logs)).sort()).toEqual(['job-1.json', 'job-2.json']);
  });

  it('pages newest first with a finishedAt cursor and filters by repository', async () => {
    const store = await open();
    for (let n = 1; n <= 7; n++) await store.add(entry(n), []);
    const first = store.list({ limit: 3 });
    expect(ids(first.entries)).toEqual(['job-7', 'job-6', 'job-5']);
    expect(first.hasMore).toBe(true);
    const second = store.list({ limit: 3, before: first.entries.at(-1)?.finishedAt });
    expect(ids(second.entries)).toEqual(['job-4', 'job-3', 'job-2']);
    const third = store.list({ limit: 3, before: second.entries.at(-1)?.finishedAt });
    expect(third).toMatchObject({ hasMore: false });
    expect(ids(third.entries)).toEqual(['job-1']);

    expect(ids(store.list({ limit: 2, repoId: 'odd' }).entries)).toEqual(['job-7', 'job-5']);
    expect(store.list({ limit: 4, repoId: 'odd' }).hasMore).toBe(false);
    expect(ids(store.list({ limit: 10, repoId: 'even' }).entries)).toEqual(['job-6', 'job-4', 'job-2']);
    expect(() => store.list({ limit: 1, before: 'yesterday' })).toThrow(/not a date/);
  });

  it('never splits entries that finished at the same instant across pages', async () => {
    const store = await open();
    const same = entry(5).finishedAt;
    await store.add(entry(1), []);
    for (const id of ['a', 'b', 'c']) await store.add(entry(5, { id, finishedAt: same }), []);
    const first = store.list({ limit: 2 });
    expect(ids(first.entries)).toEqual(['c', 'b', 'a']);
    expect(first.hasMore).toBe(true);
    expect(ids(store.list({ limit: 2, before: same }).entries)).toEqual(['job-1']);
  });

  it('orders by finishedAt even when entries arrive out of order', async () => {
    const store = await open();
    await store.add(entry(3), []);
    await store.add(entry(1), []);
    await store.add(entry(2), []);
    expect(ids(store.list({ limit: 10 }).entries)).toEqual(['job-3', 'job-2', 'job-1']);
  });

  it('rolls off the oldest entries and their logs at the bound', async () => {
    const emitted: string[] = [];
    const store = await open({ maxEntries: 3, emit: (e) => emitted.push(e.id) });
    for (let n = 1; n <= 5; n++) await store.add(entry(n), lines(1));
    expect(ids(store.list({ limit: 10 }).entries)).toEqual(['job-5', 'job-4', 'job-3']);
    expect((await fs.readdir(historyPaths(dir).logs)).sort()).toEqual([
      'job-3.json',
      'job-4.json',
      'job-5.json',
    ]);
    await expect(store.log('job-1')).rejects.toMatchObject({ code: 'NotFound' });
    // An entry older than everything kept rolls off at once and is not announced.
    await store.add(entry(0), lines(1));
    expect(ids(store.list({ limit: 10 }).entries)).toEqual(['job-5', 'job-4', 'job-3']);
    expect(emitted).toEqual(['job-1', 'job-2', 'job-3', 'job-4', 'job-5']);
    expect(await fs.readdir(historyPaths(dir).logs)).toHaveLength(3);
  });

  it('keeps only the last lines of a long log, with a note', async () => {
    const store = await open({ maxLogLines: 5 });
    const added = await store.add(entry(1), lines(12));
    expect(added.logLineCount).toBe(5);
    const log = await store.log('job-1');
    expect(log.map((l) => l.message)).toEqual([
      '(8 earlier lines not kept)',
      'line 8',
      'line 9',
      'line 10',
      'line 11',
    ]);
  });

  it('loses nothing when many jobs finish at once', async () => {
    const store = await open();
    await Promise.all(Array.from({ length: 20 }, (_, n) => store.add(entry(n), lines(2, `job ${n}`))));
    const again = await open();
    expect(again.list({ limit: 100 }).entries).toHaveLength(20);
    expect((await again.log('job-13'))[1]?.message).toBe('job 13 1');
  });

  it('loads entries written before jobs named their plan next to ones that do', async () => {
    await fs.mkdir(dir, { recursive: true });
    // An index as older versions wrote it: entries have no planId field at all.
    const older = { ...entry(1), logLineCount: 0 };
    expect(older).not.toHaveProperty('planId');
    await fs.writeFile(historyPaths(dir).index, JSON.stringify({ version: 1, entries: [older] }));
    const store = await open();
    await store.add(entry(2, { planId: 'plan-1' }), []);
    const listed = (await open()).list({ limit: 10 }).entries;
    expect(listed.map((e) => [e.id, e.planId])).toEqual([
      ['job-2', 'plan-1'],
      ['job-1', undefined],
    ]);
  });

  it('answers an empty log when the log file is corrupt or missing', async () => {
    const warn = vi.spyOn(coreLog, 'warn').mockImplementation(() => undefined);
    const store = await open();
    await store.add(entry(1), lines(2));
    await store.add(entry(2), lines(2));
    await fs.writeFile(historyPaths(dir).log('job-1'), 'not json');
    await fs.rm(historyPaths(dir).log('job-2'));
    expect(await store.log('job-1')).toEqual([]);
    expect(await store.log('job-2')).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('refuses an id that is not a plain job id', async () => {
    const store = await open();
    await expect(store.add(entry(1, { id: '../x' }), [])).rejects.toMatchObject({ code: 'InvalidInput' });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('keeps working after a failed write', async () => {
    const error = vi.spyOn(coreLog, 'error').mockImplementation(() => undefined);
    const store = await open();
    // A file where the logs folder should be makes the log write fail.
    await fs.writeFile(path.join(dir, 'logs'), 'in the way');
    await expect(store.add(entry(1), lines(1))).rejects.toThrow();
    await fs.rm(path.join(dir, 'logs'));
    await store.add(entry(2), lines(1));
    expect(ids(store.list({ limit: 10 }).entries)).toEqual(['job-2']);
    expect(error).not.toHaveBeenCalled();
  });
});
