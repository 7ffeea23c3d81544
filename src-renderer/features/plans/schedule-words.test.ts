import { describe, expect, it } from 'vitest';
import { describeRetention as coreRetention, RETENTION_PRESETS } from '../../../src-main/model/retention.js';
import { describeSchedule as coreSchedule, type Schedule } from '../../../src-main/model/schedule.js';
import { describeRetention, describeSchedule } from './schedule-words.js';

// In English the screen must read exactly as the core's words did (e2e tests and the README quote them).
describe('schedule and retention words', () => {
  const schedules: Schedule[] = [
    { kind: 'off' },
    { kind: 'every-hours', hours: 1 },
    { kind: 'every-hours', hours: 6, conditions: { notOnMetered: true } },
    { kind: 'daily', at: '02:00', conditions: { notOnBattery: true, notOnMetered: true } },
    { kind: 'weekly', days: [0, 3, 1], at: '09:30' },
  ];

  it('words every schedule kind as the core does', () => {
    for (const schedule of schedules) expect(describeSchedule(schedule)).toBe(coreSchedule(schedule));
    expect(describeSchedule({ kind: 'weekly', days: [0, 3, 1], at: '09:30' })).toBe('Mon, Wed, Sun at 09:30');
  });

  it('words every retention policy as the core does', () => {
    expect(describeRetention(undefined)).toBe('Keep every archive');
    for (const preset of Object.values(RETENTION_PRESETS))
      expect(describeRetention(preset)).toBe(coreRetention(preset));
    expect(describeRetention({ keepWithin: '2d', keepLast: 3 })).toBe('everything within 2d, 3 last');
  });
});
