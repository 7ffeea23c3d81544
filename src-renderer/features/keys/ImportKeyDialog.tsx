/**
 * Import a keyfile repository's key on a computer that lacks it: a key file the user picks (or
 * borg's QR page saved as a file), or the paper key typed line by line. Borgdesk checks every
 * paper line's checksum and names the line with a typo.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter } from '../../components/DialogFooter.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import type { ErrorInfo } from '../../lib/error-info.js';
import { useAction } from '../../lib/use-request.js';
import { readPickedFile } from '../../lib/save-file.js';
import styles from './keys.module.css';

/** Which repository the key is for: a stored one, or a location being added. */
export type ImportTarget =
  { readonly repoId: string } | { readonly location: string; readonly sshKey?: string };

/** Props of {@link ImportKeyDialog}. */
export interface ImportKeyDialogProps {
  readonly target: ImportTarget;
  readonly onClose: () => void;
  readonly onImported: () => void;
}

/** The "Import key" dialog. */
export function ImportKeyDialog({ target, onClose, onImported }: ImportKeyDialogProps) {
  const { t } = useTranslation('keys');
  const [kind, setKind] = useState<'file' | 'paper'>('file');
  const [fileText, setFileText] = useState('');
  const [fileName, setFileName] = useState('');
  const [paper, setPaper] = useState('');
  const importKey = useAction('keys:import', {
    fallback: t('import.failed'),
    onSuccess: onImported,
  });
  const [problem, setProblem] = useState<ErrorInfo>();
  const busy = importKey.pending;
  const error = problem ?? importKey.error;
  const text = kind === 'file' ? fileText : paper;

  const submit = (): void => {
    if (busy) return;
    if (text.trim() === '') {
      setProblem({ message: kind === 'file' ? t('import.chooseFileFirst') : t('import.typePaperFirst') });
      return;
    }
    setProblem(undefined);
    importKey.run({ ...target, source: { kind, text } });
  };

  return (
    <Dialog
      title={t('import.title')}
      description={t('import.description')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      footer={
        <DialogFooter
          onClose={onClose}
          busy={busy}
          submitLabel={t('import.title')}
          closeLabel="Close"
          submitIcon="download"
        />
      }
    >
      <div role="radiogroup" aria-label={t('import.source')} className={styles.keysActions}>
        {(['file', 'paper'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="key-source" checked={kind === k} onChange={() => setKind(k)} />{' '}
            {k === 'file' ? t('import.keyFile') : t('import.paperOption')}
          </label>
        ))}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {kind === 'file' ? (
        <Field
          label={t('import.keyFile')}
          hint={
            fileName ? (
              <>
                {t('import.chosen')} <span translate="no">{fileName}</span>
              </>
            ) : (
              t('import.keyFileHint')
            )
          }
        >
          <input
            type="file"
            accept=".txt,.key,.html,text/plain,text/html"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              void readPickedFile(file).then(setFileText, () =>
                setProblem({ message: t('import.fileUnreadable') }),
              );
            }}
          />
        </Field>
      ) : (
        <Field label={t('import.paperKey')} hint={t('import.paperHint')}>
          <textarea
            className={styles.paperInput}
            value={paper}
            spellCheck={false}
            onChange={(e) => setPaper(e.target.value)}
          />
        </Field>
      )}
    </Dialog>
  );
}
