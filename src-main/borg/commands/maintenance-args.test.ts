import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneKeepArgs } from '../../model/retention.js';
import { isBorgError, type BorgErrorCode } from '../errors.js';
import { parseLogLine } from '../log-json.js';
import { FIXTURES_DIR, fixtureLines, readFixture } from '../test-fixtures.js';
import { buildCheckArgs, runCheck } from './check.js';
import { buildCompactArgs, compactSupported, parseFreedBytes } from './compact.js';
import { buildDeleteArchiveArgs, runDeleteArchive } from './delete.js';
import { buildPruneArgs, parsePruneListLine, runPrune, type PruneOptions } from './prune.js';
import { writeShellProgram } from '../test-programs.js';

const prune: PruneOptions = {
  location: '-repo',
  glob: 'docs-*',
  keep: pruneKeepArgs({ keepDaily: 3, keepWeekly: 1, keepWithin: '2d' }),
  dryRun: true,
};
// A borg that does not exist: reaching it would fail with BorgNotFound, not the code under test.
const noBorg = { borgPath: '/nonexistent/borg' };

function thrownCode(fn: () => unknown): BorgErrorCode | unknown {
  try {
    fn();
  } catch (e) {
    return isBorgError(e) ? e.code : e;
  }
  return 'nothing thrown';
}

async function rejectedCode(promise: Promise<unknown>): Promise<BorgErrorCode | unknown> {
  return promise.then(
    () => 'resolved',
    (e: unknown) => (isBorgError(e) ? e.code : e),
  );
}

// The prune `--list` messages of a recorded run, parsed.
function recordedList(
  fixture: string,
  namesById?: ReadonlyMap<string, string>,
): ReturnType<typeof parsePruneListLine>[] {
  return fixtureLines(fixture)
    .map(parseLogLine)
    .flatMap((e) => (e.type === 'log_message' && e.name === 'borg.output.list' ? [e.message] : []))
    .map((message) => parsePruneListLine(message, namesById));
}

const RECORDED_PRUNE = [
  ['keep', 'docs-2024-03-05'],
  ['keep', 'docs-2024-03-04'],
  ['keep', 'docs-a-name-longer-than-the-thirty-six-column-field'],
  ['prune', 'docs-with  two spaces'],
  ['prune', 'docs-2024-03-01'],
];

describe('maintenance argument builders', () => {
  it('builds a prune dry run with --opt=value rules and the repository after "--"', () => {
    expect(buildPruneArgs(prune)).toEqual([
      'prune',
      '--list',
      '--dry-run',
      '--glob-archives=docs-*',
      '--keep-within=2d',
      '--keep-daily=3',
      '--keep-weekly=1',
      '--',
      '-repo',
    ]);
  });

  it('builds a real prune with --progress and without --dry-run', () => {
    const args = buildPruneArgs({ ...prune, dryRun: false, keep: ['--keep-last=5'] });
    expect(args).toEqual([
      'prune',
      '--list',
      '--progress',
      '--glob-archives=docs-*',
      '--keep-last=5',
      '--',
      '-repo',
    ]);
  });

  it.each(['', '   ', '*', '**', '?ocs-*', '[d]ocs-*'])(
    'refuses the unlimited glob %j without running borg',
    async (glob) => {
      expect(thrownCode(() => buildPruneArgs({ ...prune, glob }))).toBe('InvalidArguments');
      expect(await rejectedCode(runPrune({ ...prune, glob }, noBorg))).toBe('InvalidArguments');
    },
  );

  it('refuses missing, unknown or malformed keep rules', () => {
    for (const keep of [
      [],
      ['--keep-daily'],
      ['--keep-daily', '-1'],
      ['--remove-all', '1'],
      ['--keep-within', '2x'],
    ]) {
      expect(thrownCode(() => buildPruneArgs({ ...prune, keep }))).toBe('InvalidArguments');
    }
  });

  it('builds compact, check and delete with the location after "--"', () => {
    expect(buildCompactArgs({ location: '-r' })).toEqual(['compact', '--info', '--progress', '--', '-r']);
    expect(buildCheckArgs({ location: '-r', mode: 'repository' })).toEqual([
      'check',
      '--progress',
      '--repository-only',
      '--',
      '-r',
    ]);
    expect(buildCheckArgs({ location: 'r', mode: 'archives' })).toEqual(['check', '--progress', '--', 'r']);
    expect(buildCheckArgs({ location: 'r', mode: 'verify-data' })).toEqual([
      'check',
      '--progress',
      '--verify-data',
      '--',
      'r',
    ]);
    expect(buildDeleteArchiveArgs({ location: 'r', archiveName: '-x' })).toEqual([
      'delete',
      '--list',
      '--progress',
      '--',
      'r::-x',
    ]);
  });

  it('never offers check --repair', () => {
    for (const mode of ['repository', 'archives', 'verify-data'] as const) {
      expect(buildCheckArgs({ location: 'r', mode }).join(' ')).not.toContain('repair');
    }
  });

  it('refuses to delete without an archive name (that would delete the repository)', async () => {
    expect(thrownCode(() => buildDeleteArchiveArgs({ location: 'r', archiveName: ' ' }))).toBe(
      'InvalidArchiveName',
    );
    expect(await rejectedCode(runDeleteArchive({ location: 'r', archiveName: '' }, noBorg))).toBe(
      'InvalidArchiveName',
    );
  });

  it('knows which borg has compact', () => {
    const v = (minor: number): Parameters<typeof compactSupported>[0] => ({
      major: 1,
      minor,
      patch: 0,
      pre: '',
      text: `1.${minor}.0`,
    });
    expect(compactSupported(v(1))).toBe(false);
    expect(compactSupported(v(2))).toBe(true);
  });
});

describe('prune --list parsing (recorded borg 1.2.4 output)', () => {
  it('reads the dry run: kept with their rules, and what would be pruned', () => {
    expect(recordedList('prune-dry-run.stderr.jsonl').map((e) => e && [e.action, e.name, e.rule])).toEqual([
      ['keep', 'docs-2024-03-05', 'daily #1'],
      ['keep', 'docs-2024-03-04', 'daily #2'],
      ['keep', 'docs-a-name-longer-than-the-thirty-six-column-field', 'weekly #1'],
      ['prune', 'docs-with  two spaces', undefined],
      ['prune', 'docs-2024-03-01', undefined],
    ]);
  });

  it('reads the real run the same way and keeps the archive ids', () => {
    const entries = recordedList('prune.stderr.jsonl');
    expect(entries.map((e) => e && [e.action, e.name])).toEqual([
      ['keep', 'docs-2024-03-05'],
      ['keep', 'docs-2024-03-04'],
      ['keep', 'docs-a-name-longer-than-the-thirty-six-column-field'],
      ['prune', 'docs-with  two spaces'],
      ['prune', 'docs-2024-03-01'],
    ]);
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e?.id ?? ''))).toBe(true);
  });

  it('reads borg 1.4 and 2.0 runs (44-column actions, zoned dates) by their columns', () => {
    for (const fixture of ['1.4.5/prune.stderr.jsonl', '2.0.0b19/prune.stderr.jsonl']) {
      expect(recordedList(fixture).map((e) => e && [e.action, e.name])).toEqual(RECORDED_PRUNE);
    }
  });

  it('takes names by archive id when the listing is known, even with leading spaces', () => {
    const listing = JSON.parse(readFixture('2.0.0b19/maint-repo-list.stdout.json')) as {
      archives: { id: string; name: string }[];
    };
    const namesById = new Map(listing.archives.map((a) => [a.id, a.name]));
    const entries = recordedList('2.0.0b19/prune.stderr.jsonl', namesById);
    expect(entries.map((e) => e && [e.action, e.name])).toEqual(RECORDED_PRUNE);
    const id = 'b'.repeat(64);
    const line = `${'Would prune:'.padEnd(44)} ${'  lead'.padEnd(36)} Tue, 2024-03-05 12:00:00 +0000 [${id}]`;
    expect(parsePruneListLine(line)?.name).toBe('lead');
    expect(parsePruneListLine(line, new Map([[id, '  lead']]))?.name).toBe('  lead');
  });

  it('handles checkpoints, [oldest] rules, long actions and names that look like the date column', () => {
    const id = 'a'.repeat(64);
    const at = `Tue, 2024-03-05 12:00:00 [${id}]`;
    expect(
      parsePruneListLine(`${'Keeping checkpoint archive:'.padEnd(40)} ${'x.checkpoint'.padEnd(36)} ${at}`),
    ).toEqual({
      action: 'keep',
      name: 'x.checkpoint',
      id,
      rule: 'checkpoint',
    });
    const long = 'Keeping archive (rule: secondly[oldest] #100000):';
    expect(parsePruneListLine(`${long} ${'  lead'.padEnd(36)} ${at}`)).toMatchObject({
      name: '  lead',
      rule: 'secondly[oldest] #100000',
    });
    const sneaky = `n Mon, 2024-01-01 00:00:00 [${id}]`;
    expect(parsePruneListLine(`${'Would prune:'.padEnd(40)} ${sneaky} ${at}`)).toMatchObject({
      name: sneaky,
    });
    expect(parsePruneListLine('Pruning archives  33%')).toBeUndefined();
    expect(parsePruneListLine(`Deleting archive: x ${at}`)).toBeUndefined();
  });
});

describe('compact output', () => {
  it('reads the freed space from the recorded message and tolerates other text', () => {
    const messages = fixtureLines('compact.stderr.jsonl')
      .map(parseLogLine)
      .flatMap((e) => (e.type === 'log_message' ? [e.message] : []));
    expect(messages.map(parseFreedBytes).filter((n) => n !== undefined)).toEqual([7460]);
    expect(parseFreedBytes('compaction freed about 739 B repository space.')).toBe(739);
    expect(parseFreedBytes('compaction freed about 1.50 GB repository space.')).toBe(1_500_000_000);
    expect(parseFreedBytes('something else')).toBeUndefined();
  });
});

// Real borg cannot be asked for an archives-only check through runCheck, so a stand-in program
// replays borg's recorded stderr and exit code for it.
async function replayBorg<T>(
  fixture: string,
  run: (borgPath: string) => Promise<T>,
  recordedRc?: number,
): Promise<T> {
  const manifest = JSON.parse(readFixture('maintenance.manifest.json')) as {
    recordings: { name: string; exitCode: number }[];
  };
  const rc = recordedRc ?? manifest.recordings.find((r) => `${r.name}.stderr.jsonl` === fixture)?.exitCode;
  const dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-replay-'));
  try {
    const borgPath = await writeShellProgram(
      path.join(dir, 'borg'),
      `cat '${path.join(FIXTURES_DIR, fixture)}' >&2\nexit ${rc ?? 99}`,
    );
    return await run(borgPath);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('check results from recorded output', () => {
  it('turns an IntegrityError that stopped the archives check (exit 2) into problems', async () => {
    const result = await replayBorg('check-damaged-archives-only.stderr.jsonl', (borgPath) =>
      runCheck({ location: 'r', mode: 'archives' }, { borgPath }),
    );
    expect(result).toEqual({
      ok: false,
      problems: ['Data integrity error: Segment entry checksum mismatch [segment 41, offset 8]'],
    });
  });

  it("turns borg 2's Exception for damaged archive metadata (exit 2) into the problem it names", async () => {
    const result = await replayBorg(
      '2.0.0b19/check-damaged-archives.stderr.jsonl',
      (borgPath) => runCheck({ location: 'r', mode: 'archives' }, { borgPath }),
      2,
    );
    expect(result).toEqual({ ok: false, problems: ['UnpackException: unpack(b) received extra data.'] });
  });

  it('lists the errors and warnings of a check that found problems (exit 1), in order', async () => {
    const result = await replayBorg('check-damaged.stderr.jsonl', (borgPath) =>
      runCheck({ location: 'r', mode: 'repository' }, { borgPath }),
    );
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/^Data integrity error: Segment entry checksum mismatch/);
    expect(result.problems.at(-1)).toBe('Finished full repository check, errors found.');
    expect(result.problems).toHaveLength(19);
  });

  it('reports a clean check as ok', async () => {
    const result = await replayBorg('check-repository.stderr.jsonl', (borgPath) =>
      runCheck({ location: 'r', mode: 'repository' }, { borgPath }),
    );
    expect(result).toEqual({ ok: true, problems: [] });
  });
});
