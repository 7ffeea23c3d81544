/**
 * Commands run before and after the backup (e.g. a database dump), each with a timeout. A failing
 * "before" command skips the backup; both commands' output goes into the job log.
 */
import { Field } from '../../components/Field.js';
import type { HookForm, PlanForm } from './plan-form.js';
import styles from './plans.module.css';

/** Props of {@link HookFields}. */
export interface HookFieldsProps {
  readonly form: PlanForm;
  readonly update: (patch: Partial<PlanForm>) => void;
  readonly errors: Readonly<Record<string, string>>;
}

/** The before/after commands section of the plan editor. */
export function HookFields({ form, update, errors }: HookFieldsProps) {
  const row = (which: 'before' | 'after', label: string, hint: string) => {
    const hook: HookForm = form[which];
    const set = (patch: Partial<HookForm>): void => update({ [which]: { ...hook, ...patch } });
    return (
      <div className={styles.hookRow}>
        <Field
          label={label}
          hint={hint}
          error={errors[which === 'before' ? 'beforeCommand' : 'afterCommand']}
        >
          <input
            value={hook.command}
            spellCheck={false}
            placeholder="e.g. pg_dump mydb > ~/db.sql"
            onChange={(e) => set({ command: e.target.value })}
          />
        </Field>
        <Field label={`${label} timeout (seconds)`}>
          <input
            type="number"
            min={1}
            value={hook.timeoutSeconds}
            onChange={(e) => set({ timeoutSeconds: e.target.value })}
          />
        </Field>
      </div>
    );
  };
  return (
    <fieldset className={styles.planSection}>
      <legend>Before and after</legend>
      {row('before', 'Before command', 'If it fails, the backup is skipped and the log says why.')}
      {row('after', 'After command', 'Runs once the backup has finished.')}
    </fieldset>
  );
}
