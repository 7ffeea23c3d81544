/**
 * The repositories a plan backs up to, each labelled by name and location and each with its own
 * schedule: off, every N hours, daily at a time, or on chosen weekdays at a time, plus optional
 * conditions (not on battery, not on a metered connection) for schedules that are on.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Field } from '../../components/Field.js';
import { formatCount } from '../../lib/format.js';
import { newTarget, type PlanForm, type ScheduleKind, type TargetForm } from './plan-form.js';
import styles from './plans.module.css';

/** Props of {@link TargetFields}. */
export interface TargetFieldsProps {
  readonly form: PlanForm;
  readonly update: (patch: Partial<PlanForm>) => void;
  readonly repos: readonly RepositorySummary[];
  readonly errors: Readonly<Record<string, string>>;
}

const kinds = [
  ['off', 'targets.kindOff'],
  ['every-hours', 'targets.kindEveryHours'],
  ['daily', 'targets.kindDaily'],
  ['weekly', 'targets.kindWeekly'],
] as const satisfies readonly (readonly [ScheduleKind, string])[];
// Monday first; values are Date#getDay numbers (the catalog's day names use the same numbers).
const weekdays = [1, 2, 3, 4, 5, 6, 0] as const;

/** The targets section of the plan editor. */
export function TargetFields({ form, update, repos, errors }: TargetFieldsProps) {
  const { t } = useTranslation('plans');
  const setTarget = (index: number, patch: Partial<TargetForm>): void =>
    update({ targets: form.targets.map((t, i) => (i === index ? { ...t, ...patch } : t)) });
  const unused = repos.filter((r) => !form.targets.some((t) => t.repoId === r.id));
  const idPrefix = useId();
  const addButton = (label: string) =>
    unused[0] === undefined ? null : (
      <Button
        size="small"
        icon="plus"
        onClick={() => update({ targets: [...form.targets, newTarget(unused[0]?.id ?? '')] })}
      >
        {label}
      </Button>
    );
  return (
    <fieldset className={styles.planSection}>
      <legend>{t('targets.legend')}</legend>
      {form.targets.map((target, index) => {
        const repo = repos.find((r) => r.id === target.repoId);
        const label = t('targets.target', { n: formatCount(index + 1) });
        return (
          <div key={index} className={styles.targetRow} role="group" aria-label={label}>
            <Field label={t('targets.repository', { target: label })} error={errors[`targets.${index}`]}>
              {/* The shown choice is the repository's name and location (data), unless it was removed. */}
              <select
                value={target.repoId}
                translate={repo === undefined ? undefined : 'no'}
                onChange={(e) => setTarget(index, { repoId: e.target.value })}
              >
                {repo === undefined ? (
                  <option value={target.repoId}>{t('targets.removedRepository')}</option>
                ) : null}
                {repos.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} — {r.location}
                  </option>
                ))}
              </select>
            </Field>
            <div className={styles.targetSchedule}>
              <Field label={t('targets.schedule', { target: label })}>
                <select
                  value={target.kind}
                  onChange={(e) => setTarget(index, { kind: e.target.value as ScheduleKind })}
                >
                  {kinds.map(([value, key]) => (
                    <option key={value} value={value}>
                      {t(key)}
                    </option>
                  ))}
                </select>
              </Field>
              {target.kind === 'every-hours' ? (
                <Field label={t('targets.hours', { target: label })}>
                  <input
                    type="number"
                    min={1}
                    max={24}
                    value={target.hours}
                    onChange={(e) => setTarget(index, { hours: e.target.value })}
                  />
                </Field>
              ) : null}
              {target.kind === 'daily' || target.kind === 'weekly' ? (
                <Field label={t('targets.time', { target: label })}>
                  <input
                    type="time"
                    value={target.at}
                    onChange={(e) => setTarget(index, { at: e.target.value })}
                  />
                </Field>
              ) : null}
            </div>
            {target.kind === 'weekly' ? (
              <div
                className={styles.weekdayPicker}
                role="group"
                aria-label={t('targets.weekdays', { target: label })}
              >
                {weekdays.map((day) => (
                  <label key={day} className={styles.checkbox}>
                    <input
                      type="checkbox"
                      checked={target.days.includes(day)}
                      onChange={(e) =>
                        setTarget(index, {
                          days: e.target.checked
                            ? [...target.days, day]
                            : target.days.filter((d) => d !== day),
                        })
                      }
                    />
                    {t(`schedule.days.${day}`)}
                  </label>
                ))}
              </div>
            ) : null}
            {target.kind !== 'off' ? (
              <div
                className={styles.checkboxGroup}
                role="group"
                aria-label={t('targets.conditions', { target: label })}
                aria-describedby={`${idPrefix}-conditions-${index}`}
              >
                <label className={styles.checkbox}>
                  <input
                    type="checkbox"
                    checked={target.notOnBattery}
                    onChange={(e) => setTarget(index, { notOnBattery: e.target.checked })}
                  />
                  {t('targets.notOnBattery')}
                </label>
                <label className={styles.checkbox}>
                  <input
                    type="checkbox"
                    checked={target.notOnMetered}
                    onChange={(e) => setTarget(index, { notOnMetered: e.target.checked })}
                  />
                  {t('targets.notOnMetered')}
                </label>
                <p className="field-hint" id={`${idPrefix}-conditions-${index}`}>
                  {t('targets.conditionsHint')}
                </p>
              </div>
            ) : null}
            {form.targets.length > 1 ? (
              <Button
                size="small"
                variant="ghost"
                icon="x"
                onClick={() => update({ targets: form.targets.filter((_, i) => i !== index) })}
              >
                {repo ? t('targets.remove', { name: repo.name }) : t('targets.removeTarget')}
              </Button>
            ) : null}
          </div>
        );
      })}
      {form.targets.length === 0 ? (
        <EmptyState
          compact
          icon="archive"
          title={t('targets.noDestination')}
          action={addButton(t('targets.addDestination'))}
        >
          <p>{unused[0] === undefined ? t('targets.addRepositoryFirst') : t('targets.chooseRepository')}</p>
        </EmptyState>
      ) : (
        addButton(t('targets.addAnother'))
      )}
      {errors['targets'] ? <p className="field-error">{errors['targets']}</p> : null}
    </fieldset>
  );
}
