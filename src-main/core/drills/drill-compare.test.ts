import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRestored, drillResultOf } from './drill-compare.js';
import { drillDue, RESTORE_TEST_INTERVAL_MS } from './drill-schedule.js';

let dir: string;
const when = new Date('2026-01-05T10:00:00Z');

async function pair(name: string, source: string, restored: string): Promise<[string, string]> {
  const s = path.join(dir, `${name}.source`);
  const r = path.join(dir, `${name}.restored`);
  await fs.writeFile(s, source);
  await fs.writeFile(r, restored);
  await fs.utimes(s, when, when);
  await fs.utimes(r, when, when);
  return [r, s];
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-drill-compare-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('compareRestored', () => {
  it('finds an unchanged source identical', async () => {
    const [r, s] = await pair('same', 'hello', 'hello');
    expect(await compareRestored(r, s)).toEqual({ kind: 'identical' });
  });

  it('fails a file whose content differs while size and mtime are the same', async () => {
    const [r, s] = await pair('flip', 'hello', 'hellO');
    expect(await compareRestored(r, s)).toEqual({ kind: 'differs' });
  });

  it('does not compare a source modified or removed since the archive', async () => {
    const [r, s] = await pair('newer', 'hello', 'hello');
    await fs.utimes(s, when, new Date(when.getTime() + 1000));
    expect(await compareRestored(r, s)).toEqual({ kind: 'source-changed', why: 'modified' });
    const [r2, s2] = await pair('longer', 'hello world', 'hello');
    expect(await compareRestored(r2, s2)).toEqual({ kind: 'source-changed', why: 'modified' });
    expect(await compareRestored(r, path.join(dir, 'gone'))).toEqual({
      kind: 'source-changed',
      why: 'removed',
    });
  });

  it('calls a file borg did not write not restored', async () => {
    expect(await compareRestored(path.join(dir, 'never'), path.join(dir, 'same.source'))).toEqual({
      kind: 'not-restored',
    });
  });
});

describe('drillResultOf', () => {
  it('says how many files and bytes came back and how many were compared', () => {
    const identical = { kind: 'identical' } as const;
    const changed = { kind: 'source-changed', why: 'modified' } as const;
    expect(
      drillResultOf('a1', [
        { size: 20e6, verdict: identical },
        { size: 15e6, verdict: identical },
      ]),
    ).toEqual({
      archiveName: 'a1',
      fileCount: 2,
      totalBytes: 35e6,
      identicalCount: 2,
      changedSinceCount: 0,
      summary: '2 files, 35.0 MB restored and identical',
    });
    expect(
      drillResultOf('a1', [
        { size: 5, verdict: identical },
        { size: 5, verdict: changed },
      ]).summary,
    ).toBe('2 files, 10 B restored: 1 identical, 1 with the source changed since');
    expect(drillResultOf('a1', [{ size: 1, verdict: changed }]).summary).toBe(
      '1 file, 1 B restored; its source changed since the backup',
    );
  });
});

describe('drillDue', () => {
  const now = Date.UTC(2026, 0, 31);
  it('is due when never drilled or the interval passed, never when off', () => {
    expect(drillDue('weekly', undefined, now)).toBe(true);
    expect(drillDue('weekly', now - RESTORE_TEST_INTERVAL_MS.weekly + 1, now)).toBe(false);
    expect(drillDue('weekly', now - RESTORE_TEST_INTERVAL_MS.weekly, now)).toBe(true);
    expect(drillDue('monthly', now - 8 * 86_400_000, now)).toBe(false);
    expect(drillDue('off', undefined, now)).toBe(false);
    expect(drillDue(undefined, undefined, now)).toBe(false);
  });
});
