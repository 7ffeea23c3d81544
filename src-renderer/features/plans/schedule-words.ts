/**
 * Schedules and retention policies in the UI's language ("Mon, Wed, Fri at 09:00", "24 hourly, 7
 * daily"). The core's describeSchedule / describeRetention stay English for logs; what the screen
 * shows is worded here from the catalogs.
 */
import i18next from 'i18next';
import type { RetentionPolicy } from '../../../src-main/model/retention.js';
import type { Schedule } from '../../../src-main/model/schedule.js';
import { formatCount } from '../../lib/format.js';

const DAYS = ['0', '1', '2', '3', '4', '5', '6'] as const;

function dayName(day: number): string {
  const key = DAYS[day];
  return key === undefined ? '?' : i18next.t(`schedule.days.${key}`, { ns: 'plans' });
}

function timing(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'off':
      return i18next.t('schedule.off', { ns: 'plans' });
    case 'every-hours':
      return i18next.t('schedule.everyHours', {
        ns: 'plans',
        count: schedule.hours,
        n: formatCount(schedule.hours),
      });
    case 'daily':
      return i18next.t('schedule.daily', { ns: 'plans', at: schedule.at });
    case 'weekly': {
      // Monday first, as most calendars outside North America show it.
      const ordered = [...schedule.days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
      return i18next.t('schedule.weekly', {
        ns: 'plans',
        days: ordered.map(dayName).join(', '),
        at: schedule.at,
      });
    }
  }
}

/** A schedule with its conditions, e.g. "Daily at 02:00, not on battery". */
export function describeSchedule(schedule: Schedule): string {
  const when = timing(schedule);
  if (schedule.kind === 'off') return when;
  const held = [
    schedule.conditions?.notOnBattery === true
      ? i18next.t('schedule.notOnBattery', { ns: 'plans' })
      : undefined,
    schedule.conditions?.notOnMetered === true
      ? i18next.t('schedule.notOnMetered', { ns: 'plans' })
      : undefined,
  ].filter((c) => c !== undefined);
  return held.length === 0
    ? when
    : i18next.t('schedule.withConditions', { ns: 'plans', when, conditions: held.join(', ') });
}

const RULES = [
  'keepWithin',
  'keepLast',
  'keepHourly',
  'keepDaily',
  'keepWeekly',
  'keepMonthly',
  'keepYearly',
] as const;

/** A retention policy in short, e.g. "24 hourly, 7 daily, 4 weekly"; none: "Keep every archive". */
export function describeRetention(policy: RetentionPolicy | undefined): string {
  if (policy === undefined) return i18next.t('retentionWords.keepEvery', { ns: 'plans' });
  return RULES.flatMap((key) => {
    const value = policy[key];
    if (value === undefined) return [];
    // keepWithin is borg's own "<n><unit>" (e.g. "2d"); the others are counts.
    const shown = typeof value === 'number' ? formatCount(value) : value;
    return [i18next.t(`retentionWords.${key}`, { ns: 'plans', value: shown })];
  }).join(', ');
}
