import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { nextRunAfter } from './next-run.js';
import type { Schedule } from '../../model/schedule.js';

// Node re-reads process.env.TZ whenever it is assigned, so each block sets the zone it tests. Every
// case runs twice: through the machine's local time (TZ set, no zone argument) and through a named
// zone (TZ set to UTC, zone passed explicitly), and both must agree.
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

type Mode = 'local' | 'named';

function next(mode: Mode, zone: string, schedule: Schedule, afterIso: string): string | undefined {
  return nextRunAfter(schedule, new Date(afterIso), mode === 'named' ? zone : undefined)?.toISOString();
}

const daily = (at: string): Schedule => ({ kind: 'daily', at });
const weekly = (days: number[], at: string): Schedule => ({ kind: 'weekly', days, at });

describe.each<Mode>(['local', 'named'])('nextRunAfter (%s time)', (mode) => {
  const useZone = (zone: string) => {
    beforeEach(() => {
      process.env.TZ = mode === 'local' ? zone : 'UTC';
    });
  };

  describe('Europe/Berlin (CET/CEST)', () => {
    const z = 'Europe/Berlin';
    useZone(z);

    it('runs a time skipped by spring-forward at the first instant after the gap (03:00 CEST)', () => {
      // 2025-03-30: clocks jump from 02:00 CET to 03:00 CEST at 01:00 UTC.
      expect(next(mode, z, daily('02:30'), '2025-03-29T11:00:00Z')).toBe('2025-03-30T01:00:00.000Z');
      expect(next(mode, z, daily('02:00'), '2025-03-29T11:00:00Z')).toBe('2025-03-30T01:00:00.000Z');
      expect(next(mode, z, daily('01:59'), '2025-03-29T11:00:00Z')).toBe('2025-03-30T00:59:00.000Z');
      expect(next(mode, z, daily('03:00'), '2025-03-29T11:00:00Z')).toBe('2025-03-30T01:00:00.000Z');
    });

    it('goes back to the normal time the day after spring-forward', () => {
      expect(next(mode, z, daily('02:30'), '2025-03-30T01:00:00Z')).toBe('2025-03-31T00:30:00.000Z');
    });

    it('runs a time that happens twice on fall-back once, at its first occurrence', () => {
      // 2025-10-26: 03:00 CEST becomes 02:00 CET at 01:00 UTC; 02:30 happens at 00:30Z and 01:30Z.
      expect(next(mode, z, daily('02:30'), '2025-10-25T10:00:00Z')).toBe('2025-10-26T00:30:00.000Z');
      // After the first run, and from between the two occurrences: the next run is the next day.
      expect(next(mode, z, daily('02:30'), '2025-10-26T00:30:00Z')).toBe('2025-10-27T01:30:00.000Z');
      expect(next(mode, z, daily('02:30'), '2025-10-26T01:00:00Z')).toBe('2025-10-27T01:30:00.000Z');
    });

    it('keeps weekly runs on the chosen weekday across both changes', () => {
      // Sundays 02:30: the spring-forward Sunday runs at 03:00, the fall-back Sunday once.
      expect(next(mode, z, weekly([0], '02:30'), '2025-03-25T12:00:00Z')).toBe('2025-03-30T01:00:00.000Z');
      expect(next(mode, z, weekly([0], '02:30'), '2025-03-30T01:00:00Z')).toBe('2025-04-06T00:30:00.000Z');
      expect(next(mode, z, weekly([0], '02:30'), '2025-10-26T00:30:00Z')).toBe('2025-11-02T01:30:00.000Z');
    });

    it('counts every-hours in real elapsed time across spring-forward', () => {
      // 00:00 CET + 6 h is 07:00 CEST on the wall, exactly 6 hours later.
      expect(next(mode, z, { kind: 'every-hours', hours: 6 }, '2025-03-29T23:00:00Z')).toBe(
        '2025-03-30T05:00:00.000Z',
      );
    });
  });

  describe('America/New_York (EST/EDT)', () => {
    const z = 'America/New_York';
    useZone(z);

    it('runs a time skipped by spring-forward at 03:00 EDT', () => {
      // 2025-03-09: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
      expect(next(mode, z, daily('02:30'), '2025-03-08T17:00:00Z')).toBe('2025-03-09T07:00:00.000Z');
      expect(next(mode, z, daily('02:30'), '2025-03-09T07:00:00Z')).toBe('2025-03-10T06:30:00.000Z');
    });

    it('runs 01:30 once on fall-back (the first, EDT)', () => {
      // 2025-11-02: 02:00 EDT becomes 01:00 EST at 06:00 UTC; 01:30 is at 05:30Z and 06:30Z.
      expect(next(mode, z, daily('01:30'), '2025-11-01T16:00:00Z')).toBe('2025-11-02T05:30:00.000Z');
      expect(next(mode, z, daily('01:30'), '2025-11-02T05:30:00Z')).toBe('2025-11-03T06:30:00.000Z');
      expect(next(mode, z, daily('01:30'), '2025-11-02T06:10:00Z')).toBe('2025-11-03T06:30:00.000Z');
    });

    it('counts every-hours in real elapsed time across fall-back', () => {
      // 23:00 EDT + 6 h is 04:00 EST on the wall (5 wall hours), exactly 6 real hours.
      expect(next(mode, z, { kind: 'every-hours', hours: 6 }, '2025-11-02T03:00:00Z')).toBe(
        '2025-11-02T09:00:00.000Z',
      );
    });

    it('rolls over month ends, year ends and leap days', () => {
      // Jan 31 → Feb 1 (EST = UTC-5).
      expect(next(mode, z, daily('00:15'), '2025-02-01T04:00:00Z')).toBe('2025-02-01T05:15:00.000Z');
      // Dec 31 23:59 → Jan 1 next year.
      expect(next(mode, z, daily('00:15'), '2025-01-01T04:59:00Z')).toBe('2025-01-01T05:15:00.000Z');
      expect(next(mode, z, daily('23:45'), '2024-12-31T23:59:00-05:00')).toBe('2025-01-02T04:45:00.000Z');
      // Leap year: Feb 28 → Feb 29 → Mar 1; not in 2025.
      expect(next(mode, z, daily('00:15'), '2024-02-28T23:00:00-05:00')).toBe('2024-02-29T05:15:00.000Z');
      expect(next(mode, z, daily('00:15'), '2024-02-29T01:00:00-05:00')).toBe('2024-03-01T05:15:00.000Z');
      expect(next(mode, z, daily('00:15'), '2025-02-28T01:00:00-05:00')).toBe('2025-03-01T05:15:00.000Z');
      // Weekly Monday across a year end: Sat 2023-12-30 → Mon 2024-01-01.
      expect(next(mode, z, weekly([1], '08:00'), '2023-12-30T12:00:00-05:00')).toBe(
        '2024-01-01T13:00:00.000Z',
      );
    });

    it('picks the next chosen weekday, strictly after the given instant', () => {
      const mwf = weekly([1, 3, 5], '09:00');
      // Fri 2025-06-06 09:00 EDT itself is not "after": next is Mon 06-09.
      expect(next(mode, z, mwf, '2025-06-06T09:00:00-04:00')).toBe('2025-06-09T13:00:00.000Z');
      expect(next(mode, z, mwf, '2025-06-04T08:59:00-04:00')).toBe('2025-06-04T13:00:00.000Z');
      expect(next(mode, z, mwf, '2025-06-07T10:00:00-04:00')).toBe('2025-06-09T13:00:00.000Z');
      expect(next(mode, z, mwf, '2025-06-09T09:00:01-04:00')).toBe('2025-06-11T13:00:00.000Z');
    });
  });

  describe('zones whose changes are not at 02:00 or not one hour', () => {
    it('America/Santiago: a midnight gap and a repeated 23:30', () => {
      process.env.TZ = mode === 'local' ? 'America/Santiago' : 'UTC';
      const z = 'America/Santiago';
      // 2025-09-07 00:00 -04 jumps to 01:00 -03 (04:00Z).
      expect(next(mode, z, daily('00:30'), '2025-09-06T12:00:00Z')).toBe('2025-09-07T04:00:00.000Z');
      // 2025-04-06 00:00 -03 falls back to 23:00 -04: 23:30 on the 5th happens at 02:30Z and 03:30Z.
      expect(next(mode, z, daily('23:30'), '2025-04-05T12:00:00Z')).toBe('2025-04-06T02:30:00.000Z');
      expect(next(mode, z, daily('23:30'), '2025-04-06T02:30:00Z')).toBe('2025-04-07T03:30:00.000Z');
    });

    it('Australia/Lord_Howe: a half-hour gap', () => {
      process.env.TZ = mode === 'local' ? 'Australia/Lord_Howe' : 'UTC';
      // 2025-10-05 02:00 +10:30 jumps to 02:30 +11; 02:15 runs at 02:30 +11.
      expect(next(mode, 'Australia/Lord_Howe', daily('02:15'), '2025-10-04T00:00:00Z')).toBe(
        '2025-10-04T15:30:00.000Z',
      );
    });
  });
});

describe('nextRunAfter edge cases', () => {
  it('never runs an off schedule', () => {
    expect(nextRunAfter({ kind: 'off' }, new Date('2025-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('returns undefined for a weekly schedule without days (the schema forbids it)', () => {
    expect(nextRunAfter(weekly([], '09:00'), new Date('2025-01-01T00:00:00Z'), 'UTC')).toBeUndefined();
  });

  it('rejects an invalid date and an unknown zone with a clear message', () => {
    expect(() => nextRunAfter(daily('02:00'), new Date('nonsense'))).toThrow(/not a valid date/);
    expect(() => nextRunAfter(daily('02:00'), new Date(0), 'Mars/Olympus')).toThrow(
      /Unknown time zone "Mars\/Olympus"/,
    );
  });

  it('keeps minute precision when `after` has seconds and milliseconds', () => {
    expect(nextRunAfter(daily('10:00'), new Date('2025-05-05T09:59:59.999Z'), 'UTC')?.toISOString()).toBe(
      '2025-05-05T10:00:00.000Z',
    );
    expect(nextRunAfter(daily('10:00'), new Date('2025-05-05T10:00:00.001Z'), 'UTC')?.toISOString()).toBe(
      '2025-05-06T10:00:00.000Z',
    );
  });
});
