/**
 * The history survives a bad index and a stop mid-job: logs are never deleted because the index is
 * unreadable, the index is rebuilt from the entries the logs carry, and a job still running when the
 * store was last open comes back as "interrupted" with its log so far. Real files in a temp folder.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '../../model/history.js';
import type { JobSnapshot, LogEntry } from '../../model/job.js';
import type { RunningJob } from '../jobs/job-manager.js';
import { interruptedEntry, type NewHistoryEntry } from './history-entry.js';
import { historyPaths, runningMarkerSchema } from './history-files.js';
import { HistoryStore, type HistoryStoreOptions } from './history-store.js';
import { log as coreLog } from '../logging/log.js';

let dir: string;
let warn: ReturnType<typeof vi.spyOn>;
const stores: HistoryStore[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-history-recovery-'));
  warn = vi.spyOn(coreLog, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  // Stop every marker timer before the folder goes.
  await Promise.all(stores.map((s) => s.idle()));
  stores.length = 0;
  vi.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

const BASE = Date.parse('2024-05-01T10:00:00.000Z');
const files = () => historyPaths(dir);

function entry(n: number, overrides: Partial<NewHistoryEntry> = {}): NewHistoryEntry {
  return {
    id: `job-${n}`,
    kind: 'backup',
    repoId: 'r1',
    repoName: 'Home',
    title: `Back up ${n}`,
    trigger: 'manual',
    status: 'succeeded',
    startedAt: new Date(BASE + n * 60_000 - 5000).toISOString(),
    finishedAt: new Date(BASE + n * 60_000).toISOString(),
    durationMs: 5000,
    stats: { archiveName: `home-${n}`, fileCount: n },
    ...overrides,
  };
}

function line(message: string, level: LogEntry['level'] = 'info'): LogEntry {
  return { time: new Date(BASE).toISOString(), level, message };
}

async function open(options: Partial<HistoryStoreOptions> = {}): Promise<HistoryStore> {
  const store = await HistoryStore.open({ dir, ...options });
  stores.push(store);
  return store;
}

const ids = (store: HistoryStore) => store.list({ limit: 100 }).entries.map((e) => e.id);
const logNames = async () => (await fs.readdir(files().logs)).sort();
const readIndex = async () =>
  JSON.parse(await fs.readFile(files().index, 'utf8')) as { version: number; entries: HistoryEntry[] };

async function threeEntries(): Promise<HistoryEntry[]> {
  const store = await open();
  const added: HistoryEntry[] = [];
  for (let n = 1; n <= 3; n++) added.push(await store.add(entry(n), [line(`log of ${n}`)]));
  return added;
}

describe('HistoryStore with a bad index', () => {
  it('rebuilds a truncated index from the logs and deletes none of them', async () => {
    const added = await threeEntries();
    await fs.writeFile(files().index, '{"version": 1, "entries": [ {"id": ');

    const again = await open();
    expect(again.list({ limit: 10 }).entries).toEqual([...added].reverse());
    expect(await logNames()).toEqual(['job-1.json', 'job-2.json', 'job-3.json']);
    expect((await again.log('job-2')).map((l) => l.message)).toEqual(['log of 2']);
    // The unreadable original is kept beside the rebuilt index, which is on disk now.
    const aside = (await fs.readdir(dir)).filter((n) => n.startsWith('history.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, aside[0] ?? ''), 'utf8')).toContain('"entries": [ {"id": ');
    expect((await readIndex()).entries.map((e) => e.id)).toEqual(['job-1', 'job-2', 'job-3']);
    expect(String(warn.mock.calls.at(-1)?.[0])).toMatch(/3 entries put back from their logs/);
  });

  it('keeps the valid entries around one bad entry, and takes the bad one back from its log', async () => {
    const added = await threeEntries();
    const index = await readIndex();
    // A field from a newer version where a number belongs, as a bad entry would have it.
    (index.entries[1] as unknown as Record<string, unknown>)['durationMs'] = 'long';
    await fs.writeFile(files().index, JSON.stringify(index));

    const again = await open();
    expect(again.list({ limit: 10 }).entries).toEqual([...added].reverse());
    expect(await logNames()).toEqual(['job-1.json', 'job-2.json', 'job-3.json']);
    expect(String(warn.mock.calls.at(-1)?.[0])).toMatch(/1 invalid entries skipped; 1 entries put back/);
    // Fixed on disk: the next start finds nothing to repair.
    warn.mockClear();
    expect(ids(await open())).toEqual(['job-3', 'job-2', 'job-1']);
    expect(warn).not.toHaveBeenCalled();
  });

  it('treats an index of another version or with a hostile id as unreadable, never following the id', async () => {
    await threeEntries();
    const outside = path.join(dir, 'outside.json');
    await fs.writeFile(outside, 'keep me');
    await fs.writeFile(files().index, JSON.stringify({ version: 2, entries: [] }));
    expect(ids(await open())).toEqual(['job-3', 'job-2', 'job-1']);

    const hostile = { ...entry(9, { id: '../outside' }), logLineCount: 0 };
    await fs.writeFile(files().index, JSON.stringify({ version: 1, entries: [hostile] }));
    const again = await open();
    expect(ids(again)).toEqual(['job-3', 'job-2', 'job-1']);
    await expect(again.log('../outside')).rejects.toMatchObject({ code: 'NotFound' });
    expect(await fs.readFile(outside, 'utf8')).toBe('keep me');
    expect(await logNames()).toEqual(['job-1.json', 'job-2.json', 'job-3.json']);
  });

  it('lists a log the index missed (a stop between the two writes) and keeps old logs it cannot list', async () => {
    await threeEntries();
    // Written by an older version: no entry inside, so nothing to list it by, but still the user's.
    await fs.writeFile(files().log('old-job'), JSON.stringify({ version: 1, entries: [line('old')] }));
    await fs.writeFile(files().log('garbled'), 'not json at all');
    // The log of job-4 made it to disk, its index entry did not.
    const lost = { ...entry(4), logLineCount: 1 };
    await fs.writeFile(
      files().log('job-4'),
      JSON.stringify({ version: 1, entries: [line('log of 4')], entry: lost }),
    );
    // A temp file of an interrupted atomic write is not a log.
    await fs.writeFile(path.join(files().logs, '.job-5.json.123.abc.tmp'), '{"vers');

    const again = await open();
    expect(ids(again)).toEqual(['job-4', 'job-3', 'job-2', 'job-1']);
    expect(again.list({ limit: 1 }).entries[0]).toEqual(lost);
    expect(await logNames()).toEqual([
      'garbled.json',
      'job-1.json',
      'job-2.json',
      'job-3.json',
      'job-4.json',
      'old-job.json',
    ]);
    expect(String(warn.mock.calls.at(-1)?.[0])).toMatch(
      /2 older log files without an entry kept but not listed/,
    );
  });

  it('deletes only the logs of entries that roll off the bound while rebuilding', async () => {
    await threeEntries();
    await fs.rm(files().index);
    const again = await open({ maxEntries: 2 });
    expect(ids(again)).toEqual(['job-3', 'job-2']);
    expect(await logNames()).toEqual(['job-2.json', 'job-3.json']);
  });
});

function snapshot(id: string, overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return {
    id,
    kind: 'backup',
    repoId: 'r1',
    title: 'Back up to Home',
    status: 'running',
    startedAt: new Date(BASE).toISOString(),
    planId: 'plan-1',
    ...overrides,
  };
}

function runningJob(id: string, log: LogEntry[]): RunningJob {
  return { snapshot: snapshot(id), trigger: 'schedule', log: () => [...log] };
}

async function readMarker(
  id: string,
): Promise<{ entry: { id: string }; updatedAt: string; log: LogEntry[] }> {
  return JSON.parse(await fs.readFile(files().marker(id), 'utf8')) as {
    entry: { id: string };
    updatedAt: string;
    log: LogEntry[];
  };
}

describe('HistoryStore and jobs that were running when it stopped', () => {
  it('keeps a running job on disk with its log so far, and removes that once the job is recorded', async () => {
    let clock = BASE + 1000;
    const store = await open({ flushIntervalMs: 20, now: () => clock });
    const log = [line('Running: borg create …')];
    store.started(runningJob('job-r', log), 'Home');
    await vi.waitFor(async () => expect((await readMarker('job-r')).log).toHaveLength(1));
    clock += 5000;
    log.push(line('Processing /home/a'));
    await vi.waitFor(async () => expect((await readMarker('job-r')).log).toHaveLength(2));
    expect((await readMarker('job-r')).updatedAt).toBe(new Date(BASE + 6000).toISOString());

    await store.record(
      {
        snapshot: snapshot('job-r', { status: 'succeeded', finishedAt: new Date(clock).toISOString() }),
        trigger: 'schedule',
        log,
      },
      'Home',
    );
    await store.idle();
    expect(await fs.readdir(files().running)).toEqual([]);
    expect(ids(await open())).toEqual(['job-r']);
  });

  it('writes the first lines of a running log at once, and later ones at most once per interval', async () => {
    const store = await open({ flushIntervalMs: 60_000 });
    const log: LogEntry[] = [];
    store.started(runningJob('job-t', log), 'Home');
    log.push(line('Running: borg create …'));
    await vi.waitFor(async () => expect((await readMarker('job-t')).log).toHaveLength(1));
    for (let i = 0; i < 30; i++) log.push(line(`line ${i}`));
    await vi.waitFor(async () => expect((await readMarker('job-t')).log).toHaveLength(31));
    log.push(line('one more'));
    await new Promise((resolve) => setTimeout(resolve, 600));
    // Past the early lines, the next write waits for the interval (a minute here).
    expect((await readMarker('job-t')).log).toHaveLength(31);
    await store.record(
      { snapshot: snapshot('job-t', { status: 'cancelled' }), trigger: 'manual', log },
      'Home',
    );
    await store.idle();
    expect(await fs.readdir(files().running)).toEqual([]);
  });

  it('rewrites a marker whose log does not grow, so an interrupted job keeps its real duration', async () => {
    let clock = BASE;
    const store = await open({ flushIntervalMs: 60_000, heartbeatMs: 300, now: () => clock });
    store.started(runningJob('job-h', [line('Running: borg create …')]), 'Home');
    await vi.waitFor(async () =>
      expect((await readMarker('job-h')).updatedAt).toBe(new Date(BASE).toISOString()),
    );
    // Borg reads one big file for a while and logs nothing.
    clock = BASE + 42_000;
    await vi.waitFor(async () =>
      expect((await readMarker('job-h')).updatedAt).toBe(new Date(BASE + 42_000).toISOString()),
    );
    // What the next start makes of this marker if Borgdesk is killed now.
    const marker = runningMarkerSchema.parse(JSON.parse(await fs.readFile(files().marker('job-h'), 'utf8')));
    expect(interruptedEntry(marker).entry).toMatchObject({
      status: 'interrupted',
      durationMs: 42_000,
    });
    await store.record(
      { snapshot: snapshot('job-h', { status: 'cancelled' }), trigger: 'manual', log: [] },
      'Home',
    );
  });

  it('records a leftover running job as interrupted, with its log so far, once', async () => {
    const first = await open({ flushIntervalMs: 10_000, now: () => BASE + 7000 });
    first.started(runningJob('job-k', [line('Running: borg create …'), line('Processing /home/a')]), 'Home');
    await first.idle();
    // The "kill": the store is never told that the job ended.

    const emitted: HistoryEntry[] = [];
    const again = await open({ emit: (e) => emitted.push(e) });
    const [interrupted] = again.list({ limit: 10 }).entries;
    expect(interrupted).toEqual({
      id: 'job-k',
      kind: 'backup',
      repoId: 'r1',
      repoName: 'Home',
      title: 'Back up to Home',
      trigger: 'schedule',
      planId: 'plan-1',
      status: 'interrupted',
      startedAt: new Date(BASE).toISOString(),
      finishedAt: new Date(BASE + 7000).toISOString(),
      durationMs: 7000,
      error: {
        code: 'BorgdeskStopped',
        message: 'Borgdesk stopped while it ran.',
        remedy: expect.stringMatching(/Start the backup again/),
      },
      logLineCount: 3,
    });
    expect(emitted).toEqual([interrupted]);
    const messages = (await again.log('job-k')).map((l) => l.message);
    expect(messages.slice(0, 2)).toEqual(['Running: borg create …', 'Processing /home/a']);
    expect(messages[2]).toMatch(/^Borgdesk stopped while it ran\. The job did not finish/);
    expect(await fs.readdir(files().running)).toEqual([]);
    expect(ids(await open())).toEqual(['job-k']);
  });

  it('only removes the marker of a job whose final entry reached the disk before the stop', async () => {
    const store = await open({ flushIntervalMs: 10_000 });
    store.started(runningJob('job-1', [line('x')]), 'Home');
    await store.idle();
    await store.add(entry(1), [line('final')]);
    // Stopped before the marker was removed.
    const again = await open();
    expect(again.list({ limit: 10 }).entries.map((e) => e.status)).toEqual(['succeeded']);
    expect((await again.log('job-1')).map((l) => l.message)).toEqual(['final']);
    expect(await fs.readdir(files().running)).toEqual([]);
  });

  it('moves an unreadable marker aside instead of deleting or listing it', async () => {
    await fs.mkdir(files().running, { recursive: true });
    await fs.writeFile(files().marker('job-x'), '{"version": 1, "entry": ');
    const store = await open();
    expect(ids(store)).toEqual([]);
    const left = await fs.readdir(files().running);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^job-x\.json\.corrupt-/);
  });
});

describe('HistoryStore start-up', () => {
  it('removes temp files a killed run left in its folders and keeps every log', async () => {
    await threeEntries();
    // A pid that cannot be alive: far above any pid_max.
    const leftovers = [
      path.join(dir, '.history.json.999999999.abcdef012345.tmp'),
      path.join(files().logs, '.job-1.json.999999999.abcdef012345.tmp'),
    ];
    for (const file of leftovers) await fs.writeFile(file, '{"half": ');
    const store = await open();
    expect(ids(store)).toEqual(['job-3', 'job-2', 'job-1']);
    for (const file of leftovers) await expect(fs.access(file)).rejects.toThrow();
    expect(await logNames()).toEqual(['job-1.json', 'job-2.json', 'job-3.json']);
  });
});
