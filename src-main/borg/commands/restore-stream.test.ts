// Stream handling and the FUSE checks, with small stand-in programs where real borg cannot produce
// the situation on demand (a broken output line, a borg without FUSE support, another platform).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveItem } from '../json-output.js';
import type { BorgLogEvent } from '../log-json.js';
import { runDiff, type DiffLine } from './diff.js';
import { checkFuseAvailability, type FuseHost } from './fuse-availability.js';
import { runListContents } from './list-contents.js';
import { writeShellProgram } from '../test-programs.js';

let dir = '';

const program = (name: string, body: string): Promise<string> =>
  writeShellProgram(path.join(dir, name), body);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-restore-stream-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runListContents', () => {
  it('hands on items, skips a broken line and reports how many were left out', async () => {
    const borgPath = await program(
      'list',
      `echo "$*" >&2
printf '{"type": "d", "path": "a", "size": 0}\\nTraceback (most recent call last):\\n{"type": "-", "pa'
sleep 0.1
printf 'th": "a/b", "isomtime": "2024-01-02T03:04:05.000000", "size": 7}\\n{"path": 5}\\n'`,
    );
    const items: ArchiveItem[] = [];
    const events: BorgLogEvent[] = [];
    await runListContents(
      { location: 'r', archiveName: 'x' },
      { borgPath, onEvent: (e) => events.push(e) },
      (i) => items.push(i),
    );
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({ type: 'd', path: 'a', size: 0 });
    expect(items[1]).toMatchObject({ type: '-', path: 'a/b', mtime: '2024-01-02T03:04:05.000000', size: 7 });
    expect(events).toContainEqual({
      type: 'raw',
      line: '--log-json list --json-lines --format={isomtime}{size} -- r::x',
    });
    expect(events.at(-1)).toMatchObject({
      type: 'log_message',
      level: 'WARNING',
      message: "Left out 2 lines of borg's archive listing that could not be read.",
    });
  });
});

describe('runDiff', () => {
  it('streams changed paths and counts unreadable lines', async () => {
    const borgPath = await program(
      'diff',
      `printf '{"changes": [{"size": 4, "type": "added"}], "path": "d/new"}\\nnot json\\n'`,
    );
    const items: DiffLine[] = [];
    const events: BorgLogEvent[] = [];
    const ctx = { borgPath, onEvent: (e: BorgLogEvent) => events.push(e) };
    await runDiff({ location: 'r', archiveA: 'a', archiveB: 'b' }, ctx, (i) => items.push(i));
    expect(items).toEqual([{ path: 'd/new', changes: [{ size: 4, type: 'added' }] }]);
    expect(events).toEqual([
      expect.objectContaining({ level: 'WARNING', message: expect.stringContaining('1 line') }),
    ]);
  });
});

describe('checkFuseAvailability', () => {
  const linux: FuseHost = {
    platform: 'linux',
    isRoot: false,
    hasDevFuse: async () => true,
    hasFusermount: async () => true,
  };
  const missingRepository = `echo '{"type": "log_message", "levelname": "ERROR", "message": "Repository x does not exist.", "msgid": "Repository.DoesNotExist"}' >&2; exit 2`;

  it('says Windows has no FUSE without running borg', async () => {
    const check = await checkFuseAvailability('/nonexistent/borg', { ...linux, platform: 'win32' });
    expect(check.result).toEqual({
      available: false,
      reason: 'borg mount needs FUSE, which Windows does not have.',
    });
  });

  it('names a missing /dev/fuse and a missing fusermount', async () => {
    const noDev = await checkFuseAvailability('/nonexistent/borg', {
      ...linux,
      hasDevFuse: async () => false,
    });
    expect(noDev.result.reason).toContain('/dev/fuse');
    const noHelper = await checkFuseAvailability('/nonexistent/borg', {
      ...linux,
      hasFusermount: async () => false,
    });
    expect(noHelper.result.reason).toContain('fusermount');
  });

  it('needs no fusermount as root', async () => {
    const borgPath = await program('borg-fuse-ok', missingRepository);
    const check = await checkFuseAvailability(borgPath, {
      ...linux,
      isRoot: true,
      hasFusermount: async () => false,
    });
    expect(check).toEqual({ result: { available: true }, lasting: true });
  });

  it('is available when borg gets past its FUSE check to the missing repository', async () => {
    const borgPath = await program(
      'borg-probe',
      `[ "$2" = mount ] && [ "$3" = -- ] || exit 9\n${missingRepository}`,
    );
    expect((await checkFuseAvailability(borgPath, linux)).result).toEqual({ available: true });
  });

  it("explains borg's missing FUSE library", async () => {
    const borgPath = await program(
      'borg-no-fuse',
      `echo '{"type": "log_message", "levelname": "ERROR", "message": "borg mount not available: no FUSE support, BORG_FUSE_IMPL=pyfuse3,llfuse.", "name": "borg.archiver"}' >&2; exit 2`,
    );
    const check = await checkFuseAvailability(borgPath, linux);
    expect(check.lasting).toBe(true);
    expect(check.result.available).toBe(false);
    expect(check.result.reason).toMatch(/no FUSE library \(pyfuse3 or llfuse\); install python3-pyfuse3/);
  });

  it('asks again later when borg could not be started', async () => {
    const check = await checkFuseAvailability(path.join(dir, 'missing-borg'), linux);
    expect(check.lasting).toBe(false);
    expect(check.result.reason).toContain('Borg was not found');
  });
});
