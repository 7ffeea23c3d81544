/**
 * The recovery kit's self-test: proves the exported key plus the passphrase open the repository and
 * lists what was proven. The user may type the passphrase as written down and pick a saved key;
 * without them Borgdesk tests a fresh export with the passphrase it holds.
 */
import { useState } from 'react';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { DialogFooter } from '../../components/DialogFooter.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import type { ErrorInfo } from '../../lib/error-info.js';
import { useAction } from '../../lib/use-request.js';
import { readPickedFile } from '../../lib/save-file.js';
import styles from './keys.module.css';

/** Props of {@link SelfTestDialog}. */
export interface SelfTestDialogProps {
  readonly repo: RepositorySummary;
  readonly onClose: () => void;
}

/** The "Run self-test" dialog. */
export function SelfTestDialog({ repo, onClose }: SelfTestDialogProps) {
  const [passphrase, setPassphrase] = useState('');
  const [keyText, setKeyText] = useState('');
  const test = useAction('keys:self-test', { fallback: 'The self-test failed.' });
  const [problem, setProblem] = useState<ErrorInfo>();
  const busy = test.pending;
  const error = problem ?? test.error;
  // A reply stays as data after a later failure: show it only while it is the newest answer.
  const result = test.error === undefined && !busy ? test.data : undefined;

  const submit = (): void => {
    if (busy) return;
    if ((!repo.unlocked || repo.passcommand !== undefined) && passphrase === '') {
      setProblem({ message: 'Enter the passphrase as you wrote it down.' });
      return;
    }
    setProblem(undefined);
    test.run({
      repoId: repo.id,
      ...(passphrase === '' ? {} : { passphrase }),
      ...(keyText === '' ? {} : { keyText }),
    });
  };

  return (
    <Dialog
      title="Recovery self-test"
      description="Proves that the exported key and the passphrase open this repository, as they would on a new computer."
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      footer={
        <DialogFooter
          onClose={onClose}
          busy={busy}
          submitLabel={'Run self-test'}
          closeLabel="Close"
          submitIcon="shield"
        />
      }
    >
      {error ? <ErrorMessage error={error} title="Self-test failed" /> : null}
      {result ? (
        <div className={`callout ${styles.passed}`} role="status">
          <Icon name="check" size={18} />
          <div>
            <p className="callout-title">Self-test passed</p>
            <ul className={styles.proven} aria-label="What was proven">
              {result.proven.map((line) => (
                <li key={line}>
                  <Icon name="check" size={14} className={styles.provenIcon} />
                  <span>{line}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <Field
        label="Passphrase as written down"
        hint={
          repo.unlocked && repo.passcommand === undefined
            ? 'Leave empty to use the one Borgdesk holds for this session.'
            : undefined
        }
      >
        <input
          type="password"
          value={passphrase}
          autoComplete="off"
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </Field>
      <Field
        label="Saved key (optional)"
        hint="A key file, paper key text or QR page you saved; empty: a fresh export."
      >
        <input
          type="file"
          accept=".txt,.key,.html,text/plain,text/html"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file)
              void readPickedFile(file).then(setKeyText, () =>
                setProblem({ message: 'The file could not be read.' }),
              );
          }}
        />
      </Field>
    </Dialog>
  );
}
