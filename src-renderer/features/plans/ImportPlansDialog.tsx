/**
 * "Import plans": the user picks a Borgdesk plans export, a Vorta profile export or a borgmatic
 * config; the renderer reads it as text and the core previews what would be created (nothing
 * changes, no borg runs). "Import N plans" creates the chosen ones; new repositories arrive locked.
 */
import { useState } from 'react';
import { Dialog } from '../../components/Dialog.js';
import { DialogFooter } from '../../components/DialogFooter.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { MAX_IMPORT_TEXT, type ImportResult } from '../../../src-main/model/plan-transfer.js';
import type { ErrorInfo } from '../../lib/error-info.js';
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
  const [file, setFile] = useState<PickedFile>();
  const [problem, setProblem] = useState<ErrorInfo>();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const preview = useAction('plans:preview-import', {
    fallback: 'The file could not be read.',
    onSuccess: (p) =>
      setChosen(new Set(p.plans.filter((plan) => plan.problem === undefined).map((plan) => plan.key))),
  });
  const importPlans = useAction('plans:import', {
    fallback: 'The plans could not be imported.',
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
        message: 'This file is too large for a plans file.',
        remedy: 'Pick the exported .json or the borgmatic .yaml.',
      });
      return;
    }
    void readPickedFile(picked).then(
      (text) => {
        setFile({ name: picked.name, text });
        preview.run({ text, fileName: picked.name });
      },
      () => setProblem({ message: 'The file could not be read.', remedy: 'Pick another file.' }),
    );
  };

  const submit = (): void => {
    if (busy || file === undefined) return;
    if (count === 0) {
      setProblem({ message: 'Choose at least one plan to import.' });
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
      title="Import plans"
      description="From another computer's Borgdesk, from Vorta or from borgmatic. Nothing changes until you import."
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      size="large"
      footer={
        <DialogFooter
          onClose={onClose}
          busy={busy}
          submitLabel={count === 1 ? 'Import 1 plan' : `Import ${count} plans`}
          submitIcon="download"
        />
      }
    >
      <Field
        label="Plans file"
        hint={
          file
            ? `Chosen: ${file.name}`
            : 'A Borgdesk plans export (.json), a Vorta profile export (.json) or a borgmatic config (.yaml).'
        }
      >
        <input
          type="file"
          accept=".json,.yaml,.yml,application/json,text/yaml"
          onChange={(e) => pick(e.target.files?.[0])}
        />
      </Field>
      {error ? <ErrorMessage error={error} /> : null}
      {preview.loading ? <p role="status">Reading the file…</p> : null}
      {preview.data ? <ImportPreviewList preview={preview.data} chosen={chosen} onToggle={toggle} /> : null}
    </Dialog>
  );
}
