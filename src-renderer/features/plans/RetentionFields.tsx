/**
 * How long the plan keeps archives: none, a preset or custom keep-rules, with a Preview that asks
 * borg (`prune --dry-run --list`) which of the plan's archives the policy would delete.
 */
import { useState } from 'react';
import type { RetentionPolicy } from '../../../src-main/model/retention.js';
import { describeRetention, RETENTION_PRESETS } from '../../../src-main/model/retention.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { useAction } from '../../lib/use-request.js';
import { retentionOf, type PlanForm, type RetentionChoice } from './plan-form.js';
import styles from './plans.module.css';
import { wordError } from '../../lib/error-info.js';

/** Props of {@link RetentionFields}. */
export interface RetentionFieldsProps {
  readonly form: PlanForm;
  readonly update: (patch: Partial<PlanForm>) => void;
  /** The saved plan's id: its archives are what a preview looks at. */
  readonly planId?: string;
  readonly repos: readonly RepositorySummary[];
  readonly error?: string;
}

const keepLabels: readonly [keyof RetentionPolicy, string][] = [
  ['keepWithin', 'Keep all within (e.g. 2d)'],
  ['keepLast', 'Keep last'],
  ['keepHourly', 'Hourly'],
  ['keepDaily', 'Daily'],
  ['keepWeekly', 'Weekly'],
  ['keepMonthly', 'Monthly'],
  ['keepYearly', 'Yearly'],
];

/** The retention section of the plan editor. */
export function RetentionFields({ form, update, planId, repos, error }: RetentionFieldsProps) {
  const preview = useAction('plans:preview-prune', { fallback: 'The preview failed.' });
  const [previewRepo, setPreviewRepo] = useState(form.targets[0]?.repoId ?? '');
  const policy = retentionOf(form);
  const targetRepos = repos.filter((r) => form.targets.some((t) => t.repoId === r.id));
  const repoId = targetRepos.some((r) => r.id === previewRepo) ? previewRepo : (targetRepos[0]?.id ?? '');

  const runPreview = (): void => {
    if (policy === undefined || planId === undefined || repoId === '') return;
    preview.run({ repoId, planId, retention: policy });
  };
  // A failed preview replaces the one before it.
  const result = preview.error ? undefined : preview.data;

  return (
    <fieldset className={styles.planSection}>
      <legend>Retention</legend>
      <Field
        label="Keep archives"
        hint={policy ? describeRetention(policy) : 'Old archives are never deleted.'}
        error={error}
      >
        <select
          value={form.retention}
          onChange={(e) => {
            update({ retention: e.target.value as RetentionChoice });
            preview.reset();
          }}
        >
          <option value="none">Keep every archive (never prune)</option>
          <option value="sensible">Sensible: {describeRetention(RETENTION_PRESETS.sensible)}</option>
          <option value="light">Light: {describeRetention(RETENTION_PRESETS.light)}</option>
          <option value="long-term">Long-term: {describeRetention(RETENTION_PRESETS['long-term'])}</option>
          <option value="custom">Custom…</option>
        </select>
      </Field>
      {form.retention === 'custom' ? (
        <div className={styles.keepGrid}>
          {keepLabels.map(([key, label]) => (
            <Field key={key} label={label}>
              <input
                value={form.keep[key]}
                inputMode={key === 'keepWithin' ? 'text' : 'numeric'}
                onChange={(e) => {
                  update({ keep: { ...form.keep, [key]: e.target.value } });
                  preview.reset();
                }}
              />
            </Field>
          ))}
        </div>
      ) : null}
      {policy !== undefined ? (
        <div className={styles.prunePreview}>
          {planId === undefined ? (
            <p className="muted">
              Save the plan and back up once to preview which archives this would delete.
            </p>
          ) : (
            <div className="field-row">
              {targetRepos.length > 1 ? (
                <select
                  aria-label="Preview in repository"
                  value={repoId}
                  onChange={(e) => setPreviewRepo(e.target.value)}
                >
                  {targetRepos.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              ) : null}
              <Button size="small" busy={preview.pending} disabled={repoId === ''} onClick={runPreview}>
                Preview
              </Button>
            </div>
          )}
          {preview.error ? <p className="field-error">{wordError(preview.error).message}</p> : null}
          {result ? (
            <div role="region" aria-label="Prune preview">
              <p>
                {result.pruned.length === 0
                  ? `Nothing would be deleted; ${result.kept.length} archives kept.`
                  : `${result.pruned.length} would be deleted, ${result.kept.length} kept:`}
              </p>
              {result.pruned.length > 0 ? (
                <ul className={styles.pruneList}>
                  {result.pruned.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
