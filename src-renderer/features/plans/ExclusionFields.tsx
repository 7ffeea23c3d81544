/**
 * What the plan leaves out: one-click presets (each showing the exact patterns it adds), custom
 * `--exclude` patterns, borg `--pattern` lines, the cache/.nobackup/one-file-system flags, and the
 * pattern tester (which tests against all of them as edited, before saving).
 */
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
  const toggle = (id: ExcludePresetId, on: boolean): void =>
    update({ presets: on ? [...form.presets, id] : form.presets.filter((p) => p !== id) });
  return (
    <fieldset className={styles.planSection}>
      <legend>Exclusions</legend>
      <div className={styles.presetList}>
        {EXCLUDE_PRESETS.map((preset) => {
          const patterns = expandPreset(preset.id, { homeDir, platform });
          return (
            <label key={preset.id} className={styles.preset}>
              <input
                type="checkbox"
                checked={form.presets.includes(preset.id)}
                onChange={(e) => toggle(preset.id, e.target.checked)}
              />
              <span className={styles.presetText}>
                <span className={styles.presetLabel}>{preset.label}</span>
                <span className={styles.presetDescription}>{preset.description}</span>
                <code className={styles.presetPatterns} aria-label={`Patterns of ${preset.label}`}>
                  {patterns.join('\n')}
                </code>
              </span>
            </label>
          );
        })}
      </div>
      <Field
        label="Custom exclude patterns"
        hint="One borg pattern per line, e.g. sh:**/*.tmp or pp:/home/you/Downloads."
        error={error}
      >
        <textarea
          rows={3}
          spellCheck={false}
          value={form.excludesText}
          onChange={(e) => update({ excludesText: e.target.value })}
        />
      </Field>
      <div className={styles.patternLines}>
        <Field
          label="Pattern lines"
          hint={
            <>
              One borg <code>--pattern</code> per line, checked in order before the exclude patterns:{' '}
              <code>- **/*.tmp</code> leaves out, <code>+ /home/me/keep</code> keeps, <code>!</code> leaves
              out without looking inside.
            </>
          }
          error={patternsError}
        >
          <textarea
            rows={3}
            spellCheck={false}
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
          Exclude cache folders (marked with CACHEDIR.TAG)
        </label>
        <label className={styles.checkbox}>
          <input
            type="checkbox"
            checked={form.excludeNobackup}
            onChange={(e) => update({ excludeNobackup: e.target.checked })}
          />
          Exclude folders that contain a .nobackup file
        </label>
        <label className={styles.checkbox}>
          <input
            type="checkbox"
            checked={form.oneFileSystem}
            onChange={(e) => update({ oneFileSystem: e.target.checked })}
          />
          Stay on one file system (do not cross into mounted drives)
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
