/**
 * "Automatic check" on the repository screen: how often `borg check` runs on its own (off, daily or
 * weekly at a time) and how deep, with the next and last scheduled check.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckModeName } from '../../../src-main/model/check.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { formatCount } from '../../lib/format.js';
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

// Monday first; values are Date#getDay numbers (the catalog's weekdays.0 is Sunday).
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

/** The automatic check card of one repository. */
export function AutomaticCheck({ repo }: AutomaticCheckProps) {
  const { t } = useTranslation(['repositories', 'common']);
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
      setError(toErrorInfo(e, t('autoCheck.saveFailed')));
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
          {t('autoCheck.title')}
        </h2>
        <span className="muted" role="status">
          {scheduled
            ? t('autoCheck.status', { next: nextCheckText(row), last: lastCheckText(row) })
            : t('autoCheck.off')}
        </span>
      </header>
      <form
        className={styles.checkScheduleFields}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label={t('autoCheck.scheduleLabel')}>
          <select value={form.kind} onChange={(e) => update({ kind: e.target.value as CheckScheduleKind })}>
            <option value="off">{t('autoCheck.off')}</option>
            <option value="daily">{t('autoCheck.daily')}</option>
            <option value="weekly">{t('autoCheck.weekly')}</option>
            {form.kind === 'every-hours' ? (
              <option value="every-hours">
                {t('autoCheck.everyHours', { count: form.hours, figure: formatCount(form.hours) })}
              </option>
            ) : null}
          </select>
        </Field>
        {form.kind === 'weekly' ? (
          <Field label={t('autoCheck.weekdayLabel')}>
            <select value={form.days[0] ?? 0} onChange={(e) => update({ days: [Number(e.target.value)] })}>
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  {t(`autoCheck.weekdays.${day}`)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {form.kind === 'daily' || form.kind === 'weekly' ? (
          <Field label={t('autoCheck.timeLabel')}>
            <input type="time" required value={form.at} onChange={(e) => update({ at: e.target.value })} />
          </Field>
        ) : null}
        <Field label={t('autoCheck.depthLabel')}>
          <select
            value={form.mode}
            disabled={form.kind === 'off'}
            onChange={(e) => update({ mode: e.target.value as CheckModeName })}
          >
            {depths.map((mode) => (
              <option key={mode} value={mode}>
                {t(`autoCheck.depths.${mode}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className={styles.checkScheduleSave}>
          <Button type="submit" busy={busy} disabled={!changed}>
            {t('common:actions.save')}
          </Button>
        </div>
      </form>
      {repo.needsPassphrase && scheduled ? (
        <p className={`field-hint ${styles.checkScheduleNote}`}>{t('autoCheck.lockedNote')}</p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
