/**
 * How long the plan keeps archives: none, a preset or custom keep-rules, with a Preview that asks
 * borg (`prune --dry-run --list`) which of the plan's archives the policy would delete.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RETENTION_PRESETS,
  RETENTION_RULE_KEYS,
  retentionPresetIdSchema,
  type RetentionPresetId,
} from '../../../src-main/model/retention.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { useAction } from '../../lib/use-request.js';
import { formatCount } from '../../lib/format.js';
import { retentionOf, type PlanForm, type RetentionChoice } from './plan-form.js';
import styles from './plans.module.css';
import { retentionText } from '../../lib/core-words/schedule.js';
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

// The catalog labels each preset as "Name: what it keeps" (retention.sensible…).
const presetLabels = {
  sensible: 'sensible',
  light: 'light',
  'long-term': 'longTerm',
} as const satisfies Record<RetentionPresetId, string>;

/** The retention section of the plan editor. */
export function RetentionFields({ form, update, planId, repos, error }: RetentionFieldsProps) {
  const { t } = useTranslation('plans');
  const preview = useAction('plans:preview-prune', { fallback: t('retention.previewFailed') });
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
      <legend>{t('retention.legend')}</legend>
      <Field
        label={t('retention.keepArchives')}
        hint={policy ? retentionText(policy) : t('retention.neverDeleted')}
        error={error}
      >
        <select
          value={form.retention}
          onChange={(e) => {
            update({ retention: e.target.value as RetentionChoice });
            preview.reset();
          }}
        >
          <option value="none">{t('retention.none')}</option>
          {retentionPresetIdSchema.options.map((preset) => (
            <option key={preset} value={preset}>
              {t(`retention.${presetLabels[preset]}`, {
                description: retentionText(RETENTION_PRESETS[preset]),
              })}
            </option>
          ))}
          <option value="custom">{t('retention.custom')}</option>
        </select>
      </Field>
      {form.retention === 'custom' ? (
        <div className={styles.keepGrid}>
          {/* The catalog labels the rules under their own names (retention.keepWithin…). */}
          {RETENTION_RULE_KEYS.map((key) => (
            <Field key={key} label={t(`retention.${key}`)}>
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
            <p className="muted">{t('retention.saveFirst')}</p>
          ) : (
            <div className="field-row">
              {targetRepos.length > 1 ? (
                <select
                  aria-label={t('retention.previewRepository')}
                  translate="no"
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
                {t('retention.preview')}
              </Button>
            </div>
          )}
          {preview.error ? <p className="field-error">{wordError(preview.error).message}</p> : null}
          {result ? (
            <div role="region" aria-label={t('retention.previewAria')}>
              <p>
                {result.pruned.length === 0
                  ? t('retention.nothingDeleted', {
                      count: result.kept.length,
                      n: formatCount(result.kept.length),
                    })
                  : t('retention.wouldDelete', {
                      count: result.pruned.length,
                      n: formatCount(result.pruned.length),
                      kept: formatCount(result.kept.length),
                    })}
              </p>
              {result.pruned.length > 0 ? (
                <ul className={styles.pruneList} translate="no">
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
