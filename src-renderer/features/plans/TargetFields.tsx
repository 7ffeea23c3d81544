/**
 * The repositories a plan backs up to, each labelled by name and location and each with its own
 * schedule: off, every N hours, daily at a time, or on chosen weekdays at a time, plus optional
 * conditions (not on battery, not on a metered connection) for schedules that are on.
 */
import { useId } from 'react';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { Field } from '../../components/Field.js';
import { newTarget, type PlanForm, type ScheduleKind, type TargetForm } from './plan-form.js';
import styles from './plans.module.css';

/** Props of {@link TargetFields}. */
export interface TargetFieldsProps {
  readonly form: PlanForm;
  readonly update: (patch: Partial<PlanForm>) => void;
  readonly repos: readonly RepositorySummary[];
  readonly errors: Readonly<Record<string, string>>;
}

const kinds: readonly { readonly value: ScheduleKind; readonly label: string }[] = [
  { value: 'off', label: 'Off (only when I click Run now)' },
  { value: 'every-hours', label: 'Every N hours' },
  { value: 'daily', label: 'Daily at a time' },
  { value: 'weekly', label: 'On weekdays at a time' },
];
// Monday first; values are Date#getDay numbers.
const weekdays: readonly [number, string][] = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
  [6, 'Sat'],
  [0, 'Sun'],
];

/** The targets section of the plan editor. */
export function TargetFields({ form, update, repos, errors }: TargetFieldsProps) {
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
      <legend>Where to and when</legend>
      {form.targets.map((target, index) => {
        const repo = repos.find((r) => r.id === target.repoId);
        const label = `Target ${index + 1}`;
        return (
          <div key={index} className={styles.targetRow} role="group" aria-label={label}>
            <Field label={`${label}: repository`} error={errors[`targets.${index}`]}>
              <select value={target.repoId} onChange={(e) => setTarget(index, { repoId: e.target.value })}>
                {repo === undefined ? <option value={target.repoId}>Removed repository</option> : null}
                {repos.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} — {r.location}
                  </option>
                ))}
              </select>
            </Field>
            <div className={styles.targetSchedule}>
              <Field label={`${label}: schedule`}>
                <select
                  value={target.kind}
                  onChange={(e) => setTarget(index, { kind: e.target.value as ScheduleKind })}
                >
                  {kinds.map((k) => (
                    <option key={k.value} value={k.value}>
                      {k.label}
                    </option>
                  ))}
                </select>
              </Field>
              {target.kind === 'every-hours' ? (
                <Field label={`${label}: hours between backups`}>
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
                <Field label={`${label}: time`}>
                  <input
                    type="time"
                    value={target.at}
                    onChange={(e) => setTarget(index, { at: e.target.value })}
                  />
                </Field>
              ) : null}
            </div>
            {target.kind === 'weekly' ? (
              <div className={styles.weekdayPicker} role="group" aria-label={`${label}: weekdays`}>
                {weekdays.map(([day, name]) => (
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
                    {name}
                  </label>
                ))}
              </div>
            ) : null}
            {target.kind !== 'off' ? (
              <div
                className={styles.checkboxGroup}
                role="group"
                aria-label={`${label}: conditions`}
                aria-describedby={`${idPrefix}-conditions-${index}`}
              >
                <label className={styles.checkbox}>
                  <input
                    type="checkbox"
                    checked={target.notOnBattery}
                    onChange={(e) => setTarget(index, { notOnBattery: e.target.checked })}
                  />
                  Not on battery power
                </label>
                <label className={styles.checkbox}>
                  <input
                    type="checkbox"
                    checked={target.notOnMetered}
                    onChange={(e) => setTarget(index, { notOnMetered: e.target.checked })}
                  />
                  Not on a metered connection
                </label>
                <p className="field-hint" id={`${idPrefix}-conditions-${index}`}>
                  Best effort: a held-back backup starts once the condition clears. Where Borgdesk cannot tell
                  the power or connection state, the backup runs as scheduled.
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
                Remove {repo?.name ?? 'target'}
              </Button>
            ) : null}
          </div>
        );
      })}
      {form.targets.length === 0 ? (
        <EmptyState compact icon="archive" title="No destination yet" action={addButton('Add destination')}>
          <p>
            {unused[0] === undefined
              ? 'Add a repository to Borgdesk first: this plan backs up to one.'
              : 'Choose the repository this plan backs up to.'}
          </p>
        </EmptyState>
      ) : (
        addButton('Add another repository')
      )}
      {errors['targets'] ? <p className="field-error">{errors['targets']}</p> : null}
    </fieldset>
  );
}
