/**
 * Import a keyfile repository's key on a computer that lacks it: a key file the user picks (or
 * borg's QR page saved as a file), or the paper key typed line by line. Borgdesk checks every
 * paper line's checksum and names the line with a typo.
 */
import { useState } from 'react';
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
  const [kind, setKind] = useState<'file' | 'paper'>('file');
  const [fileText, setFileText] = useState('');
  const [fileName, setFileName] = useState('');
  const [paper, setPaper] = useState('');
  const importKey = useAction('keys:import', {
    fallback: 'The key could not be imported.',
    onSuccess: onImported,
  });
  const [problem, setProblem] = useState<ErrorInfo>();
  const busy = importKey.pending;
  const error = problem ?? importKey.error;
  const text = kind === 'file' ? fileText : paper;

  const submit = (): void => {
    if (busy) return;
    if (text.trim() === '') {
      setProblem({ message: kind === 'file' ? 'Choose the key file first.' : 'Type the paper key first.' });
      return;
    }
    setProblem(undefined);
    importKey.run({ ...target, source: { kind, text } });
  };

  return (
    <Dialog
      title="Import key"
      description="This repository keeps its key in a file on the computer that created it. Give Borgdesk the copy you exported."
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      footer={
        <DialogFooter
          onClose={onClose}
          busy={busy}
          submitLabel={'Import key'}
          closeLabel="Close"
          submitIcon="download"
        />
      }
    >
      <div role="radiogroup" aria-label="Key source" className={styles.keysActions}>
        {(['file', 'paper'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="key-source" checked={kind === k} onChange={() => setKind(k)} />{' '}
            {k === 'file' ? 'Key file' : 'Paper key (type it)'}
          </label>
        ))}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {kind === 'file' ? (
        <Field
          label="Key file"
          hint={fileName ? `Chosen: ${fileName}` : 'The .txt key file, or the saved QR page (.html).'}
        >
          <input
            type="file"
            accept=".txt,.key,.html,text/plain,text/html"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              void readPickedFile(file).then(setFileText, () =>
                setProblem({ message: 'The file could not be read.' }),
              );
            }}
          />
        </Field>
      ) : (
        <Field
          label="Paper key"
          hint='The "id:" line and every numbered line, as printed. Spaces do not matter.'
        >
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
