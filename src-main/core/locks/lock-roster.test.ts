import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isThisComputer, parseLockName, parseRoster, parseStoreLock, readLockReport } from './lock-roster.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('lock roster', () => {
  it('parses lock file names as borg 1.2 writes them (host ids contain dots and @)', () => {
    expect(parseLockName('nas.example.org@3281355014145.23544-0')).toEqual({
      hostId: 'nas.example.org@3281355014145',
      pid: 23544,
      thread: 0,
    });
    expect(parseLockName('vm@1.77-1f')).toEqual({ hostId: 'vm@1', pid: 77, thread: 31 });
    expect(parseLockName('garbage')).toBeUndefined();
    expect(parseLockName('host.x-0')).toBeUndefined();
  });

  it('reads roster rows and skips malformed ones and broken JSON', () => {
    const text = JSON.stringify({
      exclusive: [['vm@1', 5, 0], ['bad'], [1, 2, 3]],
      shared: [['nas@2', 9, 0]],
    });
    expect(parseRoster(text, 'exclusive')).toEqual([{ hostId: 'vm@1', pid: 5, thread: 0 }]);
    expect(parseRoster(text, 'shared')).toEqual([{ hostId: 'nas@2', pid: 9, thread: 0 }]);
    expect(parseRoster('{not json', 'exclusive')).toEqual([]);
  });

  it('matches the host name, short or with a domain, in any case', () => {
    expect(isThisComputer('VM.local@123', 'vm')).toBe(true);
    expect(isThisComputer('vm@123', 'vm.example.org')).toBe(true);
    expect(isThisComputer('nas@123', 'vm')).toBe(false);
  });

  it('asks the process table only for holders on this computer', async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-roster-'));
    dirs.push(repo);
    await mkdir(path.join(repo, 'lock.exclusive'));
    await writeFile(path.join(repo, 'lock.exclusive', 'vm@9.41-0'), '');
    await writeFile(
      path.join(repo, 'lock.roster'),
      JSON.stringify({ exclusive: [['vm@9', 41, 0]], shared: [['nas@2', 42, 0]] }),
    );
    const asked: number[] = [];
    const report = await readLockReport(repo, {
      hostname: 'vm',
      isAlive: (pid) => {
        asked.push(pid);
        return false;
      },
    });
    expect(asked).toEqual([41]);
    expect(report.holders).toEqual([
      expect.objectContaining({ pid: 41, mode: 'exclusive', thisComputer: true, alive: false, stale: true }),
      expect.objectContaining({ pid: 42, mode: 'shared', thisComputer: false, stale: false }),
    ]);
    expect(report.holders[1]).not.toHaveProperty('alive');
  });

  it("reads borg 2's store locks, one JSON file per lock in locks/", async () => {
    // As borg 2.0.0b19's `with-lock` wrote it (storelocking.py _create_lock).
    const held = {
      exclusive: true,
      hostid: 'vm@3281355014145',
      processid: 2023,
      threadid: 0,
      time: '2026-12-02T13:44:01.579+00:00',
    };
    expect(parseStoreLock(JSON.stringify(held))).toEqual({
      entry: { hostId: 'vm@3281355014145', pid: 2023, thread: 0 },
      mode: 'exclusive',
      since: '2026-12-02T13:44:01.579Z',
    });
    expect(parseStoreLock('{"hostid": 1}')).toBeUndefined();
    expect(parseStoreLock('not json')).toBeUndefined();

    const repo = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-roster-'));
    dirs.push(repo);
    await mkdir(path.join(repo, 'locks'));
    await writeFile(path.join(repo, 'locks', '92d5fcc9cadd22f5'), JSON.stringify(held));
    const reader = { ...held, exclusive: false, hostid: 'nas@2', processid: 77 };
    await writeFile(path.join(repo, 'locks', '0123456789abcdef'), JSON.stringify(reader));
    const report = await readLockReport(repo, { hostname: 'vm', isAlive: () => true });
    expect(report).toMatchObject({ readable: true, locked: true });
    expect(report.holders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          pid: 2023,
          mode: 'exclusive',
          thisComputer: true,
          alive: true,
          stale: false,
        }),
        expect.objectContaining({ pid: 77, mode: 'shared', thisComputer: false, stale: false }),
      ]),
    );
    expect(report.holders).toHaveLength(2);
  });

  it('reports an unlocked folder as unlocked and an ssh repository as not readable', async () => {
    const repo = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-roster-'));
    dirs.push(repo);
    expect(await readLockReport(repo, { hostname: 'vm' })).toEqual({
      readable: true,
      locked: false,
      holders: [],
    });
    expect(await readLockReport('ssh://me@nas/./repo', { hostname: 'vm' })).toMatchObject({
      readable: false,
      reason: expect.stringContaining('server') as unknown,
    });
  });
});
