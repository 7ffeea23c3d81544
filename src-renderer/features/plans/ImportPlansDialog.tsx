/**
 * "Import plans": the user picks a Borgdesk plans export, a Vorta profile export or a borgmatic
 * config; the renderer reads it as text and the core previews what would be created (nothing
 * changes, no borg runs). "Import N plans" creates the chosen ones; new repositories arrive locked.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.js';
import { DialogFooter } from '../../components/DialogFooter.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { MAX_IMPORT_TEXT, type ImportResult } from '../../../src-main/model/plan-transfer.js';
import type { ErrorInfo } from '../../lib/error-info.js';
import { formatCount } from '../../lib/format.js';
import { readPickedFile } from '../../lib/save-file.js';
import { useAction } from '../../lib/use-request.js';
import { ImportPreviewList } from './ImportPreviewList.js';

/** Props of {@link ImportPlansDialog}. */
export interface ImportPlansDialogProps {
  readonly onClose: () => void;
  readonly onImported: (result: ImportResult) => void;
}

interface PickedFile {
  readonly name: string;
  readonly text: string;
}

/** The "Import plans" dialog. */
export function ImportPlansDialog({ onClose, onImported }: ImportPlansDialogProps) {
  const { t } = useTranslation('plans');
  const [file, setFile] = useState<PickedFile>();
  const [problem, setProblem] = useState<ErrorInfo>();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const preview = useAction('plans:preview-import', {
    fallback: t('import.readFailed'),
    onSuccess: (p) =>
      setChosen(new Set(p.plans.filter((plan) => plan.problem === undefined).map((plan) => plan.key))),
  });
  const importPlans = useAction('plans:import', {
    fallback: t('import.importFailed'),
    onSuccess: onImported,
  });
  const busy = importPlans.pending;
  const count = preview.data?.plans.filter((p) => p.problem === undefined && chosen.has(p.key)).length ?? 0;

  const pick = (picked: File | undefined): void => {
    if (picked === undefined) return;
    setProblem(undefined);
    preview.reset();
    importPlans.reset();
    if (picked.size > MAX_IMPORT_TEXT) {
      setProblem({
        message: t('import.tooLarge'),
        remedy: t('import.tooLargeRemedy'),
      });
      return;
    }
    void readPickedFile(picked).then(
      (text) => {
        setFile({ name: picked.name, text });
        preview.run({ text, fileName: picked.name });
      },
      () => setProblem({ message: t('import.readFailed'), remedy: t('import.pickAnother') }),
    );
  };

  const submit = (): void => {
    if (busy || file === undefined) return;
    if (count === 0) {
      setProblem({ message: t('import.chooseOne') });
      return;
    }
    setProblem(undefined);
    importPlans.run({ text: file.text, fileName: file.name, planKeys: [...chosen] });
  };

  const toggle = (key: string): void =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const error = problem ?? preview.error ?? importPlans.error;
  return (
    <Dialog
      title={t('import.title')}
      description={t('import.description')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      size="large"
      footer={
        <DialogFooter
          onClose={onClose}
          busy={busy}
          submitLabel={t('import.submit', { count, n: formatCount(count) })}
          submitIcon="download"
        />
      }
    >
      <Field
        label={t('import.fileLabel')}
        hint={file ? t('import.chosen', { name: file.name }) : t('import.fileHint')}
      >
        <input
          type="file"
          accept=".json,.yaml,.yml,application/json,text/yaml"
          onChange={(e) => pick(e.target.files?.[0])}
        />
      </Field>
      {error ? <ErrorMessage error={error} /> : null}
      {preview.loading ? <p role="status">{t('import.reading')}</p> : null}
      {preview.data ? <ImportPreviewList preview={preview.data} chosen={chosen} onToggle={toggle} /> : null}
    </Dialog>
  );
}
