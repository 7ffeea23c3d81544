/**
 * The plan editor's form state and its conversion to and from a plan draft. Text fields stay
 * strings while the user types; `toDraft` turns them into the shape `plans:save` validates, and
 * `fieldErrors` groups the schema's messages by the editor section that shows them.
 */
import i18next from 'i18next';
import type { Compression } from '../../../src-main/model/compression.js';
import { DEFAULT_ARCHIVE_NAME_TEMPLATE } from '../../../src-main/model/archive-name.js';
import type { ExcludePresetId } from '../../../src-main/model/exclude-presets.js';
import type { RestoreTestSchedule } from '../../../src-main/model/drill.js';
import {
  RETENTION_PRESETS,
  retentionPresetOf,
  type RetentionPolicy,
  type RetentionPresetId,
} from '../../../src-main/model/retention.js';
import type { Schedule } from '../../../src-main/model/schedule.js';
import type { PlanDraftInput, StoredPlan } from '../../stores/plans-store.js';
import {
  emptyHooks,
  HOOK_FIELDS,
  hooksDraft,
  hooksForm,
  type HookField,
  type HooksForm,
} from './hook-form.js';
import {
  emptyMonitoringForm,
  monitoringFormFrom,
  monitoringOf,
  type MonitoringForm,
} from './monitoring-form.js';

/** The schedule kinds the editor offers. */
export type ScheduleKind = Schedule['kind'];

/** One target repository and its schedule, as edited. */
export interface TargetForm {
  readonly repoId: string;
  readonly kind: ScheduleKind;
  readonly hours: string;
  readonly at: string;
  readonly days: readonly number[];
  /** Best-effort conditions; only saved while the schedule is on. */
  readonly notOnBattery: boolean;
  readonly notOnMetered: boolean;
}

/** The keep-rules of a custom retention policy, as typed. */
export type KeepFields = Readonly<Record<keyof RetentionPolicy, string>>;

/** Which retention the plan uses: none, a preset, or custom rules. */
export type RetentionChoice = 'none' | RetentionPresetId | 'custom';

/** Everything the editor edits. */
export interface PlanForm {
  readonly name: string;
  readonly sourcePaths: readonly string[];
  readonly presets: readonly ExcludePresetId[];
  /** One `--exclude` pattern per line. */
  readonly excludesText: string;
  /** One `--pattern` line (`+ path`, `- path`, `! path`, `R root`, `P style`) per line. */
  readonly patternsText: string;
  readonly excludeCaches: boolean;
  readonly excludeNobackup: boolean;
  /** Other `--exclude-if-present` names a plan may hold; kept as they were. */
  readonly otherIfPresent: readonly string[];
  readonly oneFileSystem: boolean;
  readonly compression: Compression;
  readonly archiveNameTemplate: string;
  readonly targets: readonly TargetForm[];
  readonly retention: RetentionChoice;
  readonly keep: KeepFields;
  readonly hooks: HooksForm;
  readonly restoreTest: RestoreTestSchedule;
  readonly monitoring: MonitoringForm;
}

const NOBACKUP = '.nobackup';
const emptyKeep: KeepFields = {
  keepWithin: '',
  keepLast: '',
  keepHourly: '',
  keepDaily: '',
  keepWeekly: '',
  keepMonthly: '',
  keepYearly: '',
};

/** A new target with its schedule off. */
export function newTarget(repoId: string): TargetForm {
  return {
    repoId,
    kind: 'off',
    hours: '24',
    at: '02:00',
    days: [1, 2, 3, 4, 5],
    notOnBattery: false,
    notOnMetered: false,
  };
}

/** The form of a new plan. */
export function emptyForm(compression: Compression, repoId: string | undefined): PlanForm {
  return {
    name: '',
    sourcePaths: [],
    presets: ['caches-trash'],
    excludesText: '',
    patternsText: '',
    excludeCaches: true,
    excludeNobackup: true,
    otherIfPresent: [],
    oneFileSystem: false,
    compression,
    archiveNameTemplate: DEFAULT_ARCHIVE_NAME_TEMPLATE,
    targets: repoId === undefined ? [] : [newTarget(repoId)],
    retention: 'none',
    keep: emptyKeep,
    hooks: emptyHooks,
    restoreTest: 'off',
    monitoring: emptyMonitoringForm,
  };
}

function targetForm(repoId: string, schedule: Schedule): TargetForm {
  const base: TargetForm = {
    ...newTarget(repoId),
    notOnBattery: schedule.conditions?.notOnBattery === true,
    notOnMetered: schedule.conditions?.notOnMetered === true,
  };
  switch (schedule.kind) {
    case 'off':
      return base;
    case 'every-hours':
      return { ...base, kind: 'every-hours', hours: String(schedule.hours) };
    case 'daily':
      return { ...base, kind: 'daily', at: schedule.at };
    case 'weekly':
      return { ...base, kind: 'weekly', at: schedule.at, days: schedule.days };
  }
}

/** The form for editing a stored plan. */
export function formFromPlan(plan: StoredPlan): PlanForm {
  const keep = { ...emptyKeep };
  for (const key of Object.keys(emptyKeep) as (keyof RetentionPolicy)[]) {
    const value = plan.retention?.[key];
    if (value !== undefined) keep[key] = String(value);
  }
  return {
    name: plan.name,
    sourcePaths: plan.sourcePaths,
    presets: plan.presets,
    excludesText: plan.excludes.join('\n'),
    patternsText: plan.patterns.join('\n'),
    excludeCaches: plan.excludeCaches,
    excludeNobackup: plan.excludeIfPresent.includes(NOBACKUP),
    otherIfPresent: plan.excludeIfPresent.filter((n) => n !== NOBACKUP),
    oneFileSystem: plan.oneFileSystem,
    compression: plan.compression,
    archiveNameTemplate: plan.archiveNameTemplate,
    targets: plan.targets.map((t) => targetForm(t.repoId, t.schedule)),
    retention: plan.retention ? retentionPresetOf(plan.retention) : 'none',
    keep,
    hooks: hooksForm(plan),
    restoreTest: plan.restoreTest ?? 'off',
    monitoring: monitoringFormFrom(plan.monitoring),
  };
}

/** The exclude patterns typed in the textarea: one per line, blank lines and surrounding spaces dropped. */
export function excludeLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The `--pattern` lines typed in their textarea, split and trimmed like the exclude patterns. */
export function patternLines(text: string): string[] {
  return excludeLines(text);
}

/** The 1-based textarea row of the `index`-th non-blank line (blank rows are dropped from drafts). */
export function rowOfLine(text: string, index: number): number {
  let seen = -1;
  const rows = text.split('\n');
  for (let row = 0; row < rows.length; row++) {
    if ((rows[row] ?? '').trim() !== '') seen += 1;
    if (seen === index) return row + 1;
  }
  return index + 1;
}

/** The schedule a target form stands for. */
export function scheduleOf(target: TargetForm): Schedule {
  const conditions = conditionsOf(target);
  switch (target.kind) {
    case 'off':
      return { kind: 'off' };
    case 'every-hours':
      return { kind: 'every-hours', hours: Number(target.hours), ...conditions };
    case 'daily':
      return { kind: 'daily', at: target.at, ...conditions };
    case 'weekly':
      return { kind: 'weekly', days: [...target.days], at: target.at, ...conditions };
  }
}

// Only the conditions that are set, so a plan without any keeps its stored schedule unchanged.
function conditionsOf(target: TargetForm): Pick<Schedule, 'conditions'> {
  if (!target.notOnBattery && !target.notOnMetered) return {};
  return {
    conditions: {
      ...(target.notOnBattery && { notOnBattery: true }),
      ...(target.notOnMetered && { notOnMetered: true }),
    },
  };
}

/** The retention policy the form stands for; undefined means "keep every archive". */
export function retentionOf(form: Pick<PlanForm, 'retention' | 'keep'>): RetentionPolicy | undefined {
  if (form.retention === 'none') return undefined;
  if (form.retention !== 'custom') return RETENTION_PRESETS[form.retention];
  const policy: Record<string, string | number> = {};
  for (const [key, raw] of Object.entries(form.keep)) {
    const value = raw.trim();
    if (value === '') continue;
    // keepWithin is "<n><unit>"; every other rule is a count (left as text when it is not a number, so
    // validation names it).
    policy[key] = key === 'keepWithin' || !/^\d+$/.test(value) ? value : Number(value);
  }
  return policy as RetentionPolicy;
}

/** The draft `plans:save` receives. */
export function toDraft(form: PlanForm): PlanDraftInput {
  return {
    name: form.name,
    sourcePaths: [...form.sourcePaths],
    targets: form.targets.map((t) => ({ repoId: t.repoId, schedule: scheduleOf(t) })),
    excludes: excludeLines(form.excludesText),
    patterns: patternLines(form.patternsText),
    presets: [...form.presets],
    excludeCaches: form.excludeCaches,
    excludeIfPresent: [...(form.excludeNobackup ? [NOBACKUP] : []), ...form.otherIfPresent],
    oneFileSystem: form.oneFileSystem,
    compression: form.compression,
    archiveNameTemplate: form.archiveNameTemplate,
    retention: retentionOf(form),
    ...hooksDraft(form.hooks),
    ...(form.restoreTest === 'off' ? {} : { restoreTest: form.restoreTest }),
    monitoring: monitoringOf(form.monitoring),
  };
}

/** Editor sections a validation message can belong to. */
export type FormSection =
  | 'name'
  | 'sourcePaths'
  | 'excludes'
  | 'patterns'
  | 'archiveNameTemplate'
  | 'targets'
  | 'retention'
  | HookField
  | 'monitoring'
  | 'other';

const SECTIONS: ReadonlySet<string> = new Set<FormSection>([
  'name',
  'sourcePaths',
  'excludes',
  'patterns',
  'archiveNameTemplate',
  'targets',
  'retention',
  ...HOOK_FIELDS,
  'monitoring',
]);

/**
 * Groups validation issues by section: the first message of each section (targets also per index),
 * except pattern lines, which list every line that needs fixing, one per row. Given the form, line
 * numbers are the textarea rows the user sees (blank rows included).
 */
export function fieldErrors(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
  form?: Pick<PlanForm, 'excludesText' | 'patternsText'>,
): Readonly<Record<string, string>> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const head = String(issue.path[0] ?? '');
    const section = SECTIONS.has(head) ? head : 'other';
    const line = issue.path[1];
    if ((section === 'excludes' || section === 'patterns') && typeof line === 'number') {
      // A pattern’s message says which one, so a long list stays fixable.
      const text = section === 'excludes' ? form?.excludesText : form?.patternsText;
      const row = text === undefined ? line + 1 : rowOfLine(text, line);
      const message = issue.message;
      if (section === 'excludes')
        errors[section] ??= i18next.t('editor.patternRow', { ns: 'plans', row, message });
      else
        errors[section] = [errors[section], i18next.t('editor.lineRow', { ns: 'plans', row, message })]
          .filter(Boolean)
          .join('\n');
      continue;
    }
    // Monitoring messages sit beside their own address: monitoring.ping, monitoring.webhook…
    const key =
      section === 'targets' && typeof line === 'number'
        ? `targets.${line}`
        : section === 'monitoring' && line !== undefined
          ? `monitoring.${String(line)}`
          : section;
    errors[key] ??= issue.message;
  }
  return errors;
}
