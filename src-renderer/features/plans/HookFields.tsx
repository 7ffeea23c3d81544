/**
 * The plan's hooks: commands run before the backup, after a success, after a failure or cancel, and
 * always at the end (e.g. a database dump and its clean-up), each with its own time limit. Their
 * output goes into the job log; the variables they receive are listed under a disclosure.
 */
import { useTranslation } from 'react-i18next';
import { HOOK_VARIABLES } from '../../../src-main/model/hook-variables.js';
import { Field } from '../../components/Field.js';
import { HOOK_FIELDS, hookLabel, type HookField, type HookForm } from './hook-form.js';
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
  const { t } = useTranslation('plans');
  const row = (field: HookField) => {
    const hook: HookForm = form.hooks[field];
    const { label, hint } = hookLabel(field);
    const set = (patch: Partial<HookForm>): void =>
      update({ hooks: { ...form.hooks, [field]: { ...hook, ...patch } } });
    return (
      <div className={styles.hookRow} key={field}>
        <Field label={label} hint={hint} error={errors[field]}>
          <input
            value={hook.command}
            spellCheck={false}
            translate="no"
            placeholder={t('hooks.placeholder')}
            onChange={(e) => set({ command: e.target.value })}
          />
        </Field>
        <Field label={t('hooks.timeLimit')}>
          <input
            type="number"
            min={1}
            aria-label={t('hooks.timeLimitAria', { label })}
            value={hook.timeoutSeconds}
            onChange={(e) => set({ timeoutSeconds: e.target.value })}
          />
        </Field>
      </div>
    );
  };
  return (
    <fieldset className={styles.planSection}>
      <legend>{t('hooks.legend')}</legend>
      {HOOK_FIELDS.map(row)}
      <details className={styles.hookVariables}>
        <summary>{t('hooks.variablesSummary')}</summary>
        <dl>
          {HOOK_VARIABLES.map((v) => (
            <div key={v.name}>
              <dt>
                <code translate="no">{v.name}</code>
              </dt>
              <dd>{t(`hooks.variables.${v.name}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="field-hint">{t('hooks.variablesNote')}</p>
      </details>
    </fieldset>
  );
}
