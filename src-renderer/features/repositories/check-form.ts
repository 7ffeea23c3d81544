/**
 * The "Automatic check" form: which schedule (off, daily or weekly at a time), on which weekday,
 * and how deep, converted to and from a saved check row; plus the words for its next and last run.
 */
import i18next from 'i18next';
import type { CheckModeName, CheckSchedule, CheckScheduleRow } from '../../../src-main/model/check.js';
import type { Schedule } from '../../../src-main/model/schedule.js';
import { formatDateTime } from '../../lib/format.js';

/** The schedule kinds the form offers; 'every-hours' appears only when a saved schedule uses it. */
export type CheckScheduleKind = Schedule['kind'];

/** The form's fields, as edited. */
export interface CheckForm {
  readonly kind: CheckScheduleKind;
  readonly at: string;
  /** Date#getDay numbers; the form edits one weekday, a saved schedule may hold several. */
  readonly days: readonly number[];
  readonly hours: number;
  readonly mode: CheckModeName;
}

// A quiet hour on a weekend: checks read the whole repository and are best kept out of the way.
const DEFAULT_FORM: CheckForm = { kind: 'off', at: '03:00', days: [0], hours: 24, mode: 'repository' };

/** The form showing a saved row (or the defaults when the repository has none). */
export function checkFormFromRow(row: CheckScheduleRow | undefined): CheckForm {
  if (row === undefined) return DEFAULT_FORM;
  const { schedule, mode } = row;
  switch (schedule.kind) {
    case 'off':
      return { ...DEFAULT_FORM, mode };
    case 'every-hours':
      return { ...DEFAULT_FORM, kind: 'every-hours', hours: schedule.hours, mode };
    case 'daily':
      return { ...DEFAULT_FORM, kind: 'daily', at: schedule.at, mode };
    case 'weekly':
      return { ...DEFAULT_FORM, kind: 'weekly', at: schedule.at, days: schedule.days, mode };
  }
}

/** The schedule the form describes. */
export function scheduleFromForm(form: CheckForm): Schedule {
  switch (form.kind) {
    case 'off':
      return { kind: 'off' };
    case 'every-hours':
      return { kind: 'every-hours', hours: form.hours };
    case 'daily':
      return { kind: 'daily', at: form.at };
    case 'weekly':
      return { kind: 'weekly', days: [...form.days], at: form.at };
  }
}

/** What `checks:save` receives for `repoId`. */
export function checkFromForm(repoId: string, form: CheckForm): CheckSchedule {
  return { repoId, schedule: scheduleFromForm(form), mode: form.mode };
}

/** True when the form differs from what is saved. */
export function isFormChanged(form: CheckForm, row: CheckScheduleRow | undefined): boolean {
  const saved = checkFormFromRow(row);
  return (
    JSON.stringify(scheduleFromForm(form)) !== JSON.stringify(scheduleFromForm(saved)) ||
    form.mode !== saved.mode
  );
}

// Plain functions, not components: they read the UI's language from i18next like lib/format.ts does.
const notScheduled = (): string => i18next.t('checkSchedule.notScheduled', { ns: 'repositories' });

/** The "Next check" text: a date, why it waits, or "Not scheduled". */
export function nextCheckText(row: CheckScheduleRow | undefined): string {
  if (row === undefined || row.schedule.kind === 'off') return notScheduled();
  if (row.waitingFor !== undefined)
    return i18next.t(`checkSchedule.waiting.${row.waitingFor}`, { ns: 'repositories' });
  return row.dueAt === undefined ? notScheduled() : formatDateTime(row.dueAt);
}

/** The "Last check" text of a scheduled check. */
export function lastCheckText(row: CheckScheduleRow | undefined): string {
  return row?.lastRunAt === undefined
    ? i18next.t('checkSchedule.never', { ns: 'repositories' })
    : formatDateTime(row.lastRunAt);
}
