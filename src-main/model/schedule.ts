/**
 * What a schedule is: off, every N hours, daily at a time, or on chosen weekdays at a time, plus
 * best-effort conditions (not on battery, not on a metered connection). Pure data and validation;
 * next-run.ts computes due times and scheduler.ts acts on them.
 */
import { z } from 'zod';

/** A local wall-clock time `HH:MM` (24-hour clock, leading zeros). */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 02:30.');

/** Conditions checked when a run is due; an unknown state (platform cannot tell) never blocks a run. */
export const scheduleConditionsSchema = z.object({
  notOnBattery: z.boolean().optional(),
  notOnMetered: z.boolean().optional(),
});
export type ScheduleConditions = z.infer<typeof scheduleConditionsSchema>;

const conditions = { conditions: scheduleConditionsSchema.optional() };

/** Weekday numbers as JavaScript's `Date#getDay` counts them: 0 = Sunday … 6 = Saturday. */
export const weekdaySchema = z.number().int().min(0).max(6);

/** A schedule: discriminated on `kind`. */
export const scheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('off'), ...conditions }),
  z.object({ kind: z.literal('every-hours'), hours: z.number().int().min(1).max(24), ...conditions }),
  z.object({ kind: z.literal('daily'), at: timeOfDaySchema, ...conditions }),
  z.object({
    kind: z.literal('weekly'),
    days: z
      .array(weekdaySchema)
      .min(1, 'Choose at least one weekday.')
      .refine((days) => new Set(days).size === days.length, 'Each weekday may be chosen once.'),
    at: timeOfDaySchema,
    ...conditions,
  }),
]);
export type Schedule = z.infer<typeof scheduleSchema>;

/** The schedule a new plan target starts with. */
export const OFF_SCHEDULE: Schedule = { kind: 'off' };

/** Hours and minutes of a valid `HH:MM` string (throws on anything else: validate first). */
export function parseTimeOfDay(at: string): { readonly hour: number; readonly minute: number } {
  const match = /^(\d{2}):(\d{2})$/.exec(at);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (match === null || hour > 23 || minute > 59) throw new RangeError(`Not a time of day: "${at}"`);
  return { hour, minute };
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/**
 * A short English description for lists and tooltips, e.g. "Mon, Wed, Fri at 09:00", with the
 * conditions that may hold a run back ("…, not on battery"), so a late backup is no surprise.
 */
export function describeSchedule(schedule: Schedule): string {
  const when = describeTiming(schedule);
  if (schedule.kind === 'off') return when;
  const held = [
    schedule.conditions?.notOnBattery === true ? 'not on battery' : undefined,
    schedule.conditions?.notOnMetered === true ? 'not on a metered connection' : undefined,
  ].filter((c) => c !== undefined);
  return held.length === 0 ? when : `${when}, ${held.join(', ')}`;
}

function describeTiming(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'off':
      return 'Off';
    case 'every-hours':
      return schedule.hours === 1 ? 'Every hour' : `Every ${schedule.hours} hours`;
    case 'daily':
      return `Daily at ${schedule.at}`;
    case 'weekly': {
      // Monday first, as most calendars outside North America show it.
      const ordered = [...schedule.days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
      return `${ordered.map((d) => DAY_NAMES[d] ?? '?').join(', ')} at ${schedule.at}`;
    }
  }
}

/** One row of the "next run" list: a plan's target. `dueAt` is absent while waiting (e.g. for a drive). */
export const upcomingRunSchema = z.object({
  planId: z.string(),
  repoId: z.string(),
  dueAt: z.string().optional(),
  reason: z.enum(['schedule', 'catch-up']).optional(),
  waitingFor: z.enum(['running', 'target', 'network', 'conditions', 'paused']).optional(),
  lastRunAt: z.string().optional(),
});
export type UpcomingRunRow = z.infer<typeof upcomingRunSchema>;

/** Whether every schedule is paused. */
export const scheduleStateSchema = z.object({ paused: z.boolean() });
export type ScheduleState = z.infer<typeof scheduleStateSchema>;
