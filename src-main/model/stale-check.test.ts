import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STALE_AFTER_MS,
  findStale,
  formatAge,
  staleSummary,
  type BackupRecord,
} from './stale-check.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const now = Date.UTC(2026, 2, 1, 12);
const record = (overrides: Partial<BackupRecord> = {}): BackupRecord => ({
  id: 'docs@usb',
  label: 'Documents',
  repoName: 'USB drive',
  localRepository: true,
  lastSuccessAt: now - 4 * DAY,
  ...overrides,
});

describe('findStale thresholds', () => {
  it('defaults to three days and counts only longer gaps as stale', () => {
    expect(DEFAULT_STALE_AFTER_MS).toBe(3 * DAY);
    expect(findStale([record({ lastSuccessAt: now - 3 * DAY })], now)).toEqual([]);
    expect(findStale([record({ lastSuccessAt: now - 3 * DAY - 1 })], now)).toHaveLength(1);
  });

  it('honours a global threshold and a per-plan override', () => {
    expect(findStale([record({ lastSuccessAt: now - 2 * DAY })], now, DAY)).toHaveLength(1);
    expect(findStale([record({ thresholdMs: 7 * DAY })], now)).toEqual([]);
  });

  it('measures a plan that never succeeded from its creation, and skips one with no times', () => {
    const never = record({ lastSuccessAt: undefined, createdAt: now - 5 * DAY });
    expect(findStale([never], now)[0]).toMatchObject({ staleForMs: 5 * DAY });
    expect(findStale([never], now)[0]?.lastSuccessAt).toBeUndefined();
    expect(findStale([record({ lastSuccessAt: undefined })], now)).toEqual([]);
  });

  it('ignores plans without a schedule', () => {
    expect(findStale([record({ scheduled: false })], now)).toEqual([]);
  });

  it('lists the most overdue first', () => {
    const items = findStale(
      [record({ id: 'a', lastSuccessAt: now - 4 * DAY }), record({ id: 'b', lastSuccessAt: now - 9 * DAY })],
      now,
    );
    expect(items.map((item) => item.id)).toEqual(['b', 'a']);
  });
});

describe('findStale causes', () => {
  const failing = (code: string, localRepository = true): BackupRecord =>
    record({ localRepository, lastFailure: { at: now - HOUR, code, message: 'borg said so' } });

  it.each([
    ['RepositoryDoesNotExist', true, 'drive-absent'],
    ['RepositoryDoesNotExist', false, 'borg-error'],
    ['ConnectionClosed', false, 'network'],
    ['PassphraseWrong', true, 'passphrase'],
    ['LockTimeout', true, 'lock'],
    ['RepositoryDamaged', true, 'borg-error'],
  ] as const)('classifies %s (local: %s) as %s', (code, local, cause) => {
    expect(findStale([failing(code, local)], now)[0]?.cause).toBe(cause);
  });

  it('keeps borg message for a borg error', () => {
    expect(findStale([failing('RepositoryDamaged')], now)[0]?.causeMessage).toBe('borg said so');
  });

  it('ignores a failure older than the last success', () => {
    const old = record({ lastFailure: { at: now - 10 * DAY, code: 'PassphraseWrong' } });
    const [item] = findStale([old], now);
    expect(item?.cause).toBeUndefined();
    expect(item && staleSummary(item)).toBe('Documents: no backup for 4 days');
  });

  it('names an absent drive as the cause, even over an older failure, without its message', () => {
    const unplugged = record({ targetAbsent: true });
    expect(findStale([unplugged], now)[0]?.cause).toBe('drive-absent');
    const [item] = findStale([{ ...failing('PassphraseWrong'), targetAbsent: true }], now);
    expect(item).toMatchObject({ cause: 'drive-absent' });
    expect(item?.causeMessage).toBeUndefined();
    expect(item && staleSummary(item)).toBe('Documents: no backup for 4 days, drive not connected');
  });
});

describe('formatAge', () => {
  it('uses hours under two days, then whole days', () => {
    expect(formatAge(10 * 60_000)).toBe('1 hour');
    expect(formatAge(26 * HOUR)).toBe('26 hours');
    expect(formatAge(49 * HOUR)).toBe('2 days');
  });
});
