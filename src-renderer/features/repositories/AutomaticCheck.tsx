/**
 * "Automatic check" on the repository screen: how often `borg check` runs on its own (off, daily or
 * weekly at a time) and how deep, with the next and last scheduled check.
 */
import { useEffect, useId, useState } from 'react';
import type { CheckModeName } from '../../../src-main/model/check.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { checkRowFor, useChecksStore } from '../../stores/checks-store.js';
import {
  checkFormFromRow,
  checkFromForm,
  isFormChanged,
  lastCheckText,
  nextCheckText,
  type CheckForm,
  type CheckScheduleKind,
} from './check-form.js';
import styles from './repositories.module.css';

/** Props of {@link AutomaticCheck}. */
export interface AutomaticCheckProps {
  readonly repo: RepositorySummary;
}

// Monday first; values are Date#getDay numbers.
const weekdays: readonly [number, string][] = [
  [1, 'Monday'],
  [2, 'Tuesday'],
  [3, 'Wednesday'],
  [4, 'Thursday'],
  [5, 'Friday'],
  [6, 'Saturday'],
  [0, 'Sunday'],
];

const depthLabels: Readonly<Record<CheckModeName, string>> = {
  repository: 'Repository only — fast',
  archives: 'Repository and archives',
  'verify-data': 'Verify all data — slow, reads everything',
};

/** The automatic check card of one repository. */
export function AutomaticCheck({ repo }: AutomaticCheckProps) {
  const row = useChecksStore((s) => checkRowFor(s.rows, repo.id));
  const save = useChecksStore((s) => s.save);
  const [form, setForm] = useState<CheckForm>(() => checkFormFromRow(row));
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  const titleId = useId();

  // Follow what is saved (another window, a reload) until the user starts editing.
  useEffect(() => {
    if (!editing) setForm(checkFormFromRow(row));
  }, [row, editing]);

  const update = (patch: Partial<CheckForm>): void => {
    setEditing(true);
    setForm((f) => ({ ...f, ...patch }));
  };
  const changed = isFormChanged(form, row);
  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await save(checkFromForm(repo.id, form));
      setEditing(false);
    } catch (e) {
      setError(toErrorInfo(e, 'The automatic check could not be saved.'));
    } finally {
      setBusy(false);
    }
  };
  // Depths offered: the two that matter, plus one saved some other way.
  const depths: CheckModeName[] = ['repository', 'verify-data'];
  if (!depths.includes(form.mode)) depths.splice(1, 0, form.mode);
  const scheduled = row !== undefined && row.schedule.kind !== 'off';

  return (
    <section className={`card ${styles.checkScheduleCard}`} aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId} className="card-title">
          Automatic check
        </h2>
        <span className="muted" role="status">
          {scheduled ? `Next check: ${nextCheckText(row)} · Last check: ${lastCheckText(row)}` : 'Off'}
        </span>
      </header>
      <form
        className={styles.checkScheduleFields}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="Check schedule">
          <select value={form.kind} onChange={(e) => update({ kind: e.target.value as CheckScheduleKind })}>
            <option value="off">Off</option>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
            {form.kind === 'every-hours' ? (
              <option value="every-hours">Every {form.hours} hours</option>
            ) : null}
          </select>
        </Field>
        {form.kind === 'weekly' ? (
          <Field label="Weekday">
            <select value={form.days[0] ?? 0} onChange={(e) => update({ days: [Number(e.target.value)] })}>
              {weekdays.map(([day, name]) => (
                <option key={day} value={day}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {form.kind === 'daily' || form.kind === 'weekly' ? (
          <Field label="Check time">
            <input type="time" required value={form.at} onChange={(e) => update({ at: e.target.value })} />
          </Field>
        ) : null}
        <Field label="Check depth">
          <select
            value={form.mode}
            disabled={form.kind === 'off'}
            onChange={(e) => update({ mode: e.target.value as CheckModeName })}
          >
            {depths.map((mode) => (
              <option key={mode} value={mode}>
                {depthLabels[mode]}
              </option>
            ))}
          </select>
        </Field>
        <div className={styles.checkScheduleSave}>
          <Button type="submit" busy={busy} disabled={!changed}>
            Save
          </Button>
        </div>
      </form>
      {repo.needsPassphrase && scheduled ? (
        <p className={`field-hint ${styles.checkScheduleNote}`}>
          Runs while Borgdesk is open and the repository is unlocked; a locked repository’s check fails and
          shows in History.
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
