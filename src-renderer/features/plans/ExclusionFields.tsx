/**
 * What the plan leaves out: one-click presets (each showing the exact patterns it adds), custom
 * `--exclude` patterns, borg `--pattern` lines, the cache/.nobackup/one-file-system flags, and the
 * pattern tester (which tests against all of them as edited, before saving).
 */
import { Trans, useTranslation } from 'react-i18next';
import {
  EXCLUDE_PRESETS,
  expandPreset,
  type ExcludePresetId,
} from '../../../src-main/model/exclude-presets.js';
import { Field } from '../../components/Field.js';
import { excludeLines, patternLines, type PlanForm } from './plan-form.js';
import { PatternTester } from './PatternTester.js';
import styles from './plans.module.css';

/** Props of {@link ExclusionFields}. */
export interface ExclusionFieldsProps {
  readonly form: PlanForm;
  readonly update: (patch: Partial<PlanForm>) => void;
  readonly homeDir: string;
  readonly platform: string;
  /** The custom exclude patterns' validation message. */
  readonly error?: string;
  /** The pattern lines' validation messages, one line each. */
  readonly patternsError?: string;
}

/** The exclusions section of the plan editor. */
export function ExclusionFields({
  form,
  update,
  homeDir,
  platform,
  error,
  patternsError,
}: ExclusionFieldsProps) {
  const { t } = useTranslation('plans');
  const toggle = (id: ExcludePresetId, on: boolean): void =>
    update({ presets: on ? [...form.presets, id] : form.presets.filter((p) => p !== id) });
  return (
    <fieldset className={styles.planSection}>
      <legend>{t('exclusions.legend')}</legend>
      <div className={styles.presetList}>
        {EXCLUDE_PRESETS.map((preset) => {
          const patterns = expandPreset(preset.id, { homeDir, platform });
          const label = t(`exclusions.presets.${preset.id}.label`);
          return (
            <label key={preset.id} className={styles.preset}>
              <input
                type="checkbox"
                checked={form.presets.includes(preset.id)}
                onChange={(e) => toggle(preset.id, e.target.checked)}
              />
              <span className={styles.presetText}>
                <span className={styles.presetLabel}>{label}</span>
                <span className={styles.presetDescription}>
                  {t(`exclusions.presets.${preset.id}.description`)}
                </span>
                <code
                  className={styles.presetPatterns}
                  aria-label={t('exclusions.presetPatterns', { label })}
                  translate="no"
                >
                  {patterns.join('\n')}
                </code>
              </span>
            </label>
          );
        })}
      </div>
      <Field label={t('exclusions.custom')} hint={t('exclusions.customHint')} error={error}>
        <textarea
          rows={3}
          spellCheck={false}
          translate="no"
          value={form.excludesText}
          onChange={(e) => update({ excludesText: e.target.value })}
        />
      </Field>
      <div className={styles.patternLines}>
        <Field
          label={t('exclusions.patternLines')}
          hint={
            <Trans
              t={t}
              i18nKey="exclusions.patternLinesHint"
              components={{ code: <code translate="no" /> }}
            />
          }
          error={patternsError}
        >
          <textarea
            rows={3}
            spellCheck={false}
            translate="no"
            placeholder={'- **/*.tmp\n+ /home/me/keep'}
            value={form.patternsText}
            onChange={(e) => update({ patternsText: e.target.value })}
          />
        </Field>
      </div>
      <div className={styles.checkboxGroup}>
        <label className={styles.checkbox}>
          <input
            type="checkbox"
            checked={form.excludeCaches}
            onChange={(e) => update({ excludeCaches: e.target.checked })}
          />
          {t('exclusions.excludeCaches')}
        </label>
        <label className={styles.checkbox}>
          <input
            type="checkbox"
            checked={form.excludeNobackup}
            onChange={(e) => update({ excludeNobackup: e.target.checked })}
          />
          {t('exclusions.excludeNobackup')}
        </label>
        <label className={styles.checkbox}>
          <input
            type="checkbox"
            checked={form.oneFileSystem}
            onChange={(e) => update({ oneFileSystem: e.target.checked })}
          />
          {t('exclusions.oneFileSystem')}
        </label>
      </div>
      <PatternTester
        rules={{
          excludes: excludeLines(form.excludesText),
          patterns: patternLines(form.patternsText),
          presets: form.presets,
          sourcePaths: form.sourcePaths,
        }}
      />
    </fieldset>
  );
}
