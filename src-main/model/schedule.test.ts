import { describe, expect, it } from 'vitest';
import { describeSchedule, parseTimeOfDay, scheduleSchema } from './schedule.js';

describe('schedule schema', () => {
  it('accepts the four kinds with optional conditions', () => {
    for (const s of [
      { kind: 'off' },
      { kind: 'every-hours', hours: 1 },
      { kind: 'every-hours', hours: 24, conditions: { notOnBattery: true } },
      { kind: 'daily', at: '00:00' },
      { kind: 'weekly', days: [0, 6], at: '23:59', conditions: { notOnMetered: true } },
    ]) {
      expect(scheduleSchema.safeParse(s).success, JSON.stringify(s)).toBe(true);
    }
  });

  it('rejects out-of-range hours, bad times and bad weekdays', () => {
    for (const s of [
      { kind: 'every-hours', hours: 0 },
      { kind: 'every-hours', hours: 25 },
      { kind: 'every-hours', hours: 1.5 },
      { kind: 'daily', at: '24:00' },
      { kind: 'daily', at: '2:30' },
      { kind: 'daily', at: '02:60' },
      { kind: 'weekly', days: [], at: '09:00' },
      { kind: 'weekly', days: [7], at: '09:00' },
      { kind: 'weekly', days: [1, 1], at: '09:00' },
      { kind: 'monthly', at: '09:00' },
    ]) {
      expect(scheduleSchema.safeParse(s).success, JSON.stringify(s)).toBe(false);
    }
  });

  it('parses times and describes schedules for the UI', () => {
    expect(parseTimeOfDay('07:05')).toEqual({ hour: 7, minute: 5 });
    expect(() => parseTimeOfDay('7:5')).toThrow(RangeError);
    expect(describeSchedule({ kind: 'off' })).toBe('Off');
    expect(describeSchedule({ kind: 'every-hours', hours: 1 })).toBe('Every hour');
    expect(describeSchedule({ kind: 'every-hours', hours: 6 })).toBe('Every 6 hours');
    expect(describeSchedule({ kind: 'daily', at: '02:30' })).toBe('Daily at 02:30');
    expect(describeSchedule({ kind: 'weekly', days: [0, 5, 1], at: '09:00' })).toBe('Mon, Fri, Sun at 09:00');
    expect(describeSchedule({ kind: 'daily', at: '02:30', conditions: { notOnBattery: true } })).toBe(
      'Daily at 02:30, not on battery',
    );
    expect(
      describeSchedule({
        kind: 'every-hours',
        hours: 2,
        conditions: { notOnBattery: true, notOnMetered: true },
      }),
    ).toBe('Every 2 hours, not on battery, not on a metered connection');
    // Conditions of a schedule that is off hold nothing back, so they are not mentioned.
    expect(describeSchedule({ kind: 'off', conditions: { notOnBattery: true } })).toBe('Off');
  });
});
