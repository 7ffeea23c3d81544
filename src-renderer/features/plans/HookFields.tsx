/**
 * The plan's hooks: commands run before the backup, after a success, after a failure or cancel, and
 * always at the end (e.g. a database dump and its clean-up), each with its own time limit. Their
 * output goes into the job log; the variables they receive are listed under a disclosure.
 */
import { HOOK_VARIABLES } from '../../../src-main/model/hook-variables.js';
import { Field } from '../../components/Field.js';
import { HOOK_FIELDS, HOOK_LABELS, type HookField, type HookForm } from './hook-form.js';
import type { PlanForm } from './plan-form.js';
import styles from './plans.module.css';

/** Props of {@link HookFields}. */
export interface HookFieldsProps {
  readonly form: PlanForm;
  readonly update: (patch: Partial<PlanForm>) => void;
  readonly errors: Readonly<Record<string, string>>;
}

/** The hooks section of the plan editor. */
export function HookFields({ form, update, errors }: HookFieldsProps) {
  const row = (field: HookField) => {
    const hook: HookForm = form.hooks[field];
    const { label, hint } = HOOK_LABELS[field];
    const set = (patch: Partial<HookForm>): void =>
      update({ hooks: { ...form.hooks, [field]: { ...hook, ...patch } } });
    return (
      <div className={styles.hookRow} key={field}>
        <Field label={label} hint={hint} error={errors[field]}>
          <input
            value={hook.command}
            spellCheck={false}
            placeholder="e.g. pg_dump mydb > ~/db.sql"
            onChange={(e) => set({ command: e.target.value })}
          />
        </Field>
        <Field label="Time limit (s)">
          <input
            type="number"
            min={1}
            aria-label={`${label}: time limit in seconds`}
            value={hook.timeoutSeconds}
            onChange={(e) => set({ timeoutSeconds: e.target.value })}
          />
        </Field>
      </div>
    );
  };
  return (
    <fieldset className={styles.planSection}>
      <legend>Commands around the backup</legend>
      {HOOK_FIELDS.map(row)}
      <details className={styles.hookVariables}>
        <summary>Variables your command receives</summary>
        <dl>
          {HOOK_VARIABLES.map((v) => (
            <div key={v.name}>
              <dt>
                <code>{v.name}</code>
              </dt>
              <dd>{v.holds}</dd>
            </div>
          ))}
        </dl>
        <p className="field-hint">Passphrases are never passed on. Commands run through your shell.</p>
      </details>
    </fieldset>
  );
}
