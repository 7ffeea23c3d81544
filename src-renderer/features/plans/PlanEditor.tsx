/**
 * The plan editor ("New plan" / "Edit plan"): name and folders, exclusions with the pattern tester,
 * compression and archive names, target repositories with their schedules, retention with a
 * preview, before/after commands, and monitoring (pings, webhook, ntfy). The draft is checked with the core's own schema before it is
 * sent, so every field's message appears beside that field.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planDraftSchema } from '../../../src-main/model/plan.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { compressionChoices, hintFor } from '../../lib/choices.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { useAppStore } from '../../stores/app-store.js';
import { usePlansStore, type StoredPlan } from '../../stores/plans-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { SourceList } from '../jobs/SourceList.js';
import { ExclusionFields } from './ExclusionFields.js';
import { HookFields } from './HookFields.js';
import { MonitoringFields } from './MonitoringFields.js';
import { RetentionFields } from './RetentionFields.js';
import { TargetFields } from './TargetFields.js';
import { emptyForm, fieldErrors, formFromPlan, toDraft, type PlanForm } from './plan-form.js';
import { ChoiceSelect } from '../../components/ChoiceSelect.js';
import { restoreTestChoices } from '../drills/drill-format.js';
import styles from './plans.module.css';

/** Props of {@link PlanEditor}. */
export interface PlanEditorProps {
  /** The plan to edit; absent for a new plan. */
  readonly plan?: StoredPlan;
  readonly onClose: () => void;
}

/** The plan editor dialog. */
export function PlanEditor({ plan, onClose }: PlanEditorProps) {
  const { t } = useTranslation(['plans', 'common']);
  const status = useAppStore((s) => s.status);
  const defaultCompression = useAppStore((s) => s.settings?.defaultCompression ?? 'lz4');
  const repos = useReposStore((s) => s.repos);
  const [form, setForm] = useState<PlanForm>(() =>
    plan ? formFromPlan(plan) : emptyForm(defaultCompression, repos[0]?.id),
  );
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [saveError, setSaveError] = useState<ErrorInfo>();
  const [saving, setSaving] = useState(false);
  const update = (patch: Partial<PlanForm>): void => setForm((f) => ({ ...f, ...patch }));

  const save = async (): Promise<void> => {
    const draft = toDraft(form);
    const checked = planDraftSchema.safeParse(draft);
    setSaveError(undefined);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error.issues, form));
      setSaveError({ message: t('editor.needsAttention'), remedy: t('editor.correctFields') });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await usePlansStore.getState().save(plan?.id, draft);
      onClose();
    } catch (e) {
      // InvalidParams / InvalidInput name each field in the message; show it as the core wrote it.
      setSaveError(toErrorInfo(e, t('editor.saveFailed')));
      setSaving(false);
    }
  };

  return (
    <Dialog
      title={plan ? t('editor.titleEdit', { name: plan.name }) : t('editor.titleNew')}
      size="large"
      onClose={onClose}
      busy={saving}
      onSubmit={() => void save()}
      footer={
        <>
          <Button onClick={onClose} disabled={saving}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" variant="primary" busy={saving}>
            {t('editor.savePlan')}
          </Button>
        </>
      }
    >
      {saveError ? <ErrorMessage error={saveError} title={t('editor.notSaved')} /> : null}
      <Field label={t('editor.name')} error={errors['name']}>
        <input
          value={form.name}
          onChange={(e) => update({ name: e.target.value })}
          placeholder={t('editor.namePlaceholder')}
        />
      </Field>
      <SourceList
        paths={form.sourcePaths}
        homeDir={status?.homeDir}
        onChange={(sourcePaths) => update({ sourcePaths })}
        error={errors['sourcePaths']}
      />
      <TargetFields form={form} update={update} repos={repos} errors={errors} />
      <ExclusionFields
        form={form}
        update={update}
        homeDir={status?.homeDir ?? '/'}
        platform={status?.platform ?? 'linux'}
        error={errors['excludes']}
        patternsError={errors['patterns']}
      />
      <fieldset className={styles.planSection}>
        <legend>{t('editor.archives')}</legend>
        <Field label={t('editor.compression')} hint={hintFor(compressionChoices(), form.compression)}>
          <ChoiceSelect
            choices={compressionChoices()}
            value={form.compression}
            onChange={(compression) => update({ compression })}
          />
        </Field>
        <Field
          label={t('editor.nameTemplate')}
          hint={t('editor.nameTemplateHint')}
          error={errors['archiveNameTemplate']}
        >
          <input
            value={form.archiveNameTemplate}
            spellCheck={false}
            translate="no"
            onChange={(e) => update({ archiveNameTemplate: e.target.value })}
          />
        </Field>
        <Field label={t('editor.restoreTest')} hint={hintFor(restoreTestChoices(), form.restoreTest)}>
          <ChoiceSelect
            choices={restoreTestChoices()}
            value={form.restoreTest}
            onChange={(restoreTest) => update({ restoreTest })}
          />
        </Field>
      </fieldset>
      <RetentionFields
        form={form}
        update={update}
        planId={plan?.id}
        repos={repos}
        error={errors['retention']}
      />
      <HookFields form={form} update={update} errors={errors} />
      <MonitoringFields form={form} update={update} errors={errors} planId={plan?.id} />
      {errors['other'] ? <p className="field-error">{errors['other']}</p> : null}
    </Dialog>
  );
}
