/**
 * Unlock a repository for this session: the passphrase goes to the core (which keeps it in memory
 * and hands it to borg through a pipe) and is checked there against the repository.
 */
import { useState } from 'react';
import { getApi } from '../../api/select-client.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { useAppStore } from '../../stores/app-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { ImportKeyDialog } from '../keys/ImportKeyDialog.js';

/** Props of {@link UnlockDialog}. */
export interface UnlockDialogProps {
  readonly repoId: string;
  /** Open the backup dialog once unlocked (the user pressed "Back up now" on a locked repository). */
  readonly thenBackup?: boolean;
}

/** The passphrase prompt for a locked repository. */
export function UnlockDialog({ repoId, thenBackup }: UnlockDialogProps) {
  const repo = useReposStore((s) => s.repos.find((r) => r.id === repoId));
  const upsertRepo = useReposStore((s) => s.upsertRepo);
  const loadDetails = useReposStore((s) => s.loadDetails);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const openDialog = useAppStore((s) => s.openDialog);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  // A keyfile repository whose key file is not on this computer: import it, then unlock again.
  const [importingKey, setImportingKey] = useState(false);

  const submit = (): void => {
    if (busy) return;
    if (passphrase === '') {
      setError({ message: 'Enter the passphrase of this repository.' });
      return;
    }
    setBusy(true);
    setError(undefined);
    getApi()
      .invoke('repos:unlock', { repoId, passphrase })
      .then(
        (updated) => {
          upsertRepo(updated);
          void loadDetails(repoId);
          if (thenBackup) openDialog({ kind: 'backup', repoId });
          else closeDialog();
        },
        (e: unknown) => {
          setBusy(false);
          setError(toErrorInfo(e, 'The repository could not be unlocked.'));
        },
      );
  };

  return (
    <Dialog
      title="Unlock repository"
      description={
        repo
          ? `Enter the passphrase of “${repo.name}”. Borgdesk keeps it in memory until you quit.`
          : 'Enter the passphrase of this repository.'
      }
      size="small"
      onClose={closeDialog}
      onSubmit={submit}
      busy={busy}
      footer={
        <>
          <Button onClick={closeDialog} disabled={busy}>
            Close
          </Button>
          <Button type="submit" variant="primary" icon="unlock" busy={busy}>
            Unlock
          </Button>
        </>
      }
    >
      {error ? <ErrorMessage error={error} /> : null}
      {error?.code === 'KeyNotFound' ? (
        <Button icon="download" onClick={() => setImportingKey(true)}>
          Import key…
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
      <Field label="Passphrase">
        <input
          type="password"
          value={passphrase}
          autoComplete="current-password"
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </Field>
    </Dialog>
  );
}
