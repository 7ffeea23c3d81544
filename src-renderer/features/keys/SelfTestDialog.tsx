/**
 * The recovery kit's self-test: proves the exported key plus the passphrase open the repository and
 * lists what was proven. The user may type the passphrase as written down and pick a saved key;
 * without them Borgdesk tests a fresh export with the passphrase it holds.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('keys');
  const [passphrase, setPassphrase] = useState('');
  const [keyText, setKeyText] = useState('');
  const test = useAction('keys:self-test', { fallback: t('selfTest.failed') });
  const [problem, setProblem] = useState<ErrorInfo>();
  const busy = test.pending;
  const error = problem ?? test.error;
  // A reply stays as data after a later failure: show it only while it is the newest answer.
  const result = test.error === undefined && !busy ? test.data : undefined;

  const submit = (): void => {
    if (busy) return;
    if ((!repo.unlocked || repo.passcommand !== undefined) && passphrase === '') {
      setProblem({ message: t('selfTest.enterPassphrase') });
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
      title={t('selfTest.title')}
      description={t('selfTest.description')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      footer={
        <DialogFooter
          onClose={onClose}
          busy={busy}
          submitLabel={t('selfTest.run')}
          closeLabel="Close"
          submitIcon="shield"
        />
      }
    >
      {error ? <ErrorMessage error={error} title={t('selfTest.failedTitle')} /> : null}
      {result ? (
        <div className={`callout ${styles.passed}`} role="status">
          <Icon name="check" size={18} />
          <div>
            <p className="callout-title">{t('selfTest.passed')}</p>
            <ul className={styles.proven} aria-label={t('selfTest.proven')}>
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
        label={t('selfTest.passphrase')}
        hint={repo.unlocked && repo.passcommand === undefined ? t('selfTest.useHeld') : undefined}
      >
        <input
          type="password"
          value={passphrase}
          autoComplete="off"
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </Field>
      <Field label={t('selfTest.savedKey')} hint={t('selfTest.savedKeyHint')}>
        <input
          type="file"
          accept=".txt,.key,.html,text/plain,text/html"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file)
              void readPickedFile(file).then(setKeyText, () =>
                setProblem({ message: t('selfTest.fileUnreadable') }),
              );
          }}
        />
      </Field>
    </Dialog>
  );
}
