/**
 * Schedules and retention policies in the UI's language, for plan cards, the plan editor and the
 * import preview: "Mon, Wed, Fri at 09:00, not on battery", "24 hourly, 7 daily". The model's
 * describeSchedule / describeRetention keep the English for the core (the import preview's sentences).
 */
import i18next from 'i18next';
import { RETENTION_RULE_KEYS, type RetentionPolicy } from '../../../src-main/model/retention.js';
import type { Schedule } from '../../../src-main/model/schedule.js';

/** A schedule in words, with the conditions that may hold a run back. */
export function scheduleText(schedule: Schedule): string {
  const when = timingText(schedule);
  if (schedule.kind === 'off') return when;
  const held = [
    schedule.conditions?.notOnBattery === true ? i18next.t('core:schedule.notOnBattery') : undefined,
    schedule.conditions?.notOnMetered === true ? i18next.t('core:schedule.notOnMetered') : undefined,
  ].filter((c) => c !== undefined);
  if (held.length === 0) return when;
  const conditions = held.join(i18next.t('core:schedule.listSeparator'));
  return i18next.t('core:schedule.withConditions', { when, conditions });
}

const WEEKDAYS = ['0', '1', '2', '3', '4', '5', '6'] as const;

function timingText(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'off':
      return i18next.t('core:schedule.off');
    case 'every-hours':
      return i18next.t('core:schedule.everyHours', { count: schedule.hours });
    case 'daily':
      return i18next.t('core:schedule.daily', { at: schedule.at });
    case 'weekly': {
      // Monday first, as most calendars outside North America show it.
      const ordered = [...schedule.days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
      const days = ordered
        .map((d) => {
          const key = WEEKDAYS[d];
          return key === undefined ? '?' : i18next.t(`core:schedule.day.${key}`);
        })
        .join(i18next.t('core:schedule.listSeparator'));
      return i18next.t('core:schedule.weekly', { days, at: schedule.at });
    }
  }
}

/** A retention policy in words ("24 hourly, 7 daily, 4 weekly"); none keeps every archive. */
export function retentionText(policy: RetentionPolicy | undefined): string {
  if (policy === undefined) return i18next.t('core:retention.keepEverything');
  return RETENTION_RULE_KEYS.flatMap((key) => {
    const value = policy[key];
    return value === undefined ? [] : [i18next.t(`core:retention.${key}`, { value: String(value) })];
  }).join(i18next.t('core:retention.listSeparator'));
}
