/**
 * Unlock a repository: the passphrase goes to the core (which keeps it in memory, remembers it in the
 * keychain when asked, and hands it to borg through a pipe) and is checked there against the repository.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { RememberPassphraseField, useRememberChoice } from '../../components/RememberPassphraseField.js';
import { useAction } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { ImportKeyDialog } from '../keys/ImportKeyDialog.js';
import { PasscommandField, PassphraseSourceChoice, type PassphraseSource } from './PasscommandField.js';

/** Props of {@link UnlockDialog}. */
export interface UnlockDialogProps {
  readonly repoId: string;
  /** Open the backup dialog once unlocked (the user pressed "Back up now" on a locked repository). */
  readonly thenBackup?: boolean;
}

/** The passphrase prompt for a locked repository. */
export function UnlockDialog({ repoId, thenBackup }: UnlockDialogProps) {
  const { t } = useTranslation(['repositories', 'common']);
  const repo = useReposStore((s) => s.repos.find((r) => r.id === repoId));
  const unlockRepository = useReposStore((s) => s.unlockRepository);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const openDialog = useAppStore((s) => s.openDialog);
  const [passphrase, setPassphrase] = useState('');
  const setRepositoryPasscommand = useReposStore((s) => s.setRepositoryPasscommand);
  const [remember, setRemember] = useRememberChoice();
  const [source, setSource] = useState<PassphraseSource>('type');
  const [passcommand, setPasscommand] = useState('');
  const fromCommand = source === 'command';
  const [empty, setEmpty] = useState(false);
  // A command is stored with the repository (once borg accepted what it prints): unlocked from now on.
  const unlock = useAction(
    () =>
      fromCommand
        ? setRepositoryPasscommand({ repoId, passcommand })
        : unlockRepository({ repoId, passphrase, remember }),
    {
      fallback: t('unlock.failed'),
      onSuccess: () => (thenBackup ? openDialog({ kind: 'backup', repoId }) : closeDialog()),
    },
  );
  const busy = unlock.pending;
  // A keyfile repository whose key file is not on this computer: import it, then unlock again.
  const [importingKey, setImportingKey] = useState(false);
  const error = empty
    ? {
        message: fromCommand ? t('unlock.commandMissing') : t('unlock.passphraseMissing'),
      }
    : unlock.error;

  const submit = (): void => {
    if (busy) return;
    const missing = fromCommand ? passcommand.trim() === '' : passphrase === '';
    setEmpty(missing);
    if (!missing) unlock.run();
  };

  return (
    <Dialog
      title={t('unlock.title')}
      description={
        fromCommand
          ? t('unlock.commandDescription')
          : repo
            ? t('unlock.description', { name: repo.name })
            : t('unlock.passphraseMissing')
      }
      size="small"
      onClose={closeDialog}
      onSubmit={submit}
      busy={busy}
      footer={
        <>
          <Button onClick={closeDialog} disabled={busy}>
            {t('common:actions.close')}
          </Button>
          <Button type="submit" variant="primary" icon="unlock" busy={busy}>
            {t('unlock.submit')}
          </Button>
        </>
      }
    >
      {error ? <ErrorMessage error={error} /> : null}
      {error !== undefined && 'code' in error && error.code === 'KeyNotFound' ? (
        <Button icon="download" onClick={() => setImportingKey(true)}>
          {t('add.importKey')}
        </Button>
      ) : null}
      {importingKey ? (
        <ImportKeyDialog
          target={{ repoId }}
          onClose={() => setImportingKey(false)}
          onImported={() => {
            setImportingKey(false);
            submit();
          }}
        />
      ) : null}
      <PassphraseSourceChoice value={source} onChange={setSource} disabled={busy} />
      {fromCommand ? (
        <PasscommandField value={passcommand} onChange={setPasscommand} target={{ repoId }} disabled={busy} />
      ) : (
        <Field label={t('form.passphraseLabel')}>
          <input
            type="password"
            value={passphrase}
            autoComplete="current-password"
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </Field>
      )}
      {fromCommand ? null : <RememberPassphraseField checked={remember} onChange={setRemember} />}
    </Dialog>
  );
}
