import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeRetention,
  RETENTION_PRESETS,
  type RetentionPolicy,
} from '../../../src-main/model/retention.js';
import { describeSchedule, type Schedule } from '../../../src-main/model/schedule.js';
import { retentionText, scheduleText } from './schedule.js';

const schedules: Schedule[] = [
  { kind: 'off' },
  { kind: 'off', conditions: { notOnBattery: true } },
  { kind: 'every-hours', hours: 1 },
  { kind: 'every-hours', hours: 6 },
  { kind: 'daily', at: '02:30' },
  { kind: 'weekly', days: [0, 5, 1], at: '09:00' },
  { kind: 'daily', at: '02:30', conditions: { notOnBattery: true } },
  { kind: 'every-hours', hours: 2, conditions: { notOnBattery: true, notOnMetered: true } },
];

const policies: (RetentionPolicy | undefined)[] = [
  undefined,
  { keepWithin: '2d', keepDaily: 7, keepMonthly: 6 },
  { keepLast: 3 },
  ...Object.values(RETENTION_PRESETS),
];

describe('schedule and retention words', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('say in English exactly what the model says', () => {
    for (const s of schedules) expect(scheduleText(s)).toBe(describeSchedule(s));
    for (const p of policies) expect(retentionText(p)).toBe(describeRetention(p));
  });

  it('say it in German', async () => {
    await i18next.changeLanguage('de');
    expect(scheduleText({ kind: 'weekly', days: [0, 5, 1], at: '09:00' })).toBe('Mo, Fr, So um 09:00');
    expect(scheduleText({ kind: 'every-hours', hours: 1 })).toBe('Stündlich');
    expect(
      scheduleText({ kind: 'every-hours', hours: 2, conditions: { notOnBattery: true, notOnMetered: true } }),
    ).toBe('Alle 2 Stunden, nicht im Akkubetrieb, nicht bei getakteter Verbindung');
    expect(retentionText(RETENTION_PRESETS.light)).toBe('14 tägliche, 4 wöchentliche, 3 monatliche');
    expect(retentionText(undefined)).toBe('Jedes Archiv behalten');
  });
});
