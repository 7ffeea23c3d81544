/**
 * Unlock a repository: the passphrase goes to the core (which keeps it in memory, remembers it in the
 * keychain when asked, and hands it to borg through a pipe) and is checked there against the repository.
 */
import { useState } from 'react';
import { getApi } from '../../api/select-client.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { RememberPassphraseField, useRememberChoice } from '../../components/RememberPassphraseField.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { useAppStore } from '../../stores/app-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { PasscommandField, PassphraseSourceChoice, type PassphraseSource } from './PasscommandField.js';

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
  const [remember, setRemember] = useRememberChoice();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  const [source, setSource] = useState<PassphraseSource>('type');
  const [passcommand, setPasscommand] = useState('');
  const fromCommand = source === 'command';

  const submit = (): void => {
    if (busy) return;
    if (fromCommand ? passcommand.trim() === '' : passphrase === '') {
      setError({
        message: fromCommand
          ? 'Enter the command that prints the passphrase.'
          : 'Enter the passphrase of this repository.',
      });
      return;
    }
    setBusy(true);
    setError(undefined);
    // A command is stored with the repository (once borg accepted what it prints): unlocked from now on.
    const request = fromCommand
      ? getApi().invoke('repos:set-passcommand', { repoId, passcommand })
      : getApi().invoke('repos:unlock', { repoId, passphrase, remember });
    request.then(
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
        fromCommand
          ? 'Borgdesk stores the command with the repository; borg runs it whenever it needs the passphrase.'
          : repo
            ? `Enter the passphrase of “${repo.name}”. Borgdesk hands it to borg through a pipe, never on a command line.`
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
      <PassphraseSourceChoice value={source} onChange={setSource} disabled={busy} />
      {fromCommand ? (
        <PasscommandField value={passcommand} onChange={setPasscommand} target={{ repoId }} disabled={busy} />
      ) : (
        <Field label="Passphrase">
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
