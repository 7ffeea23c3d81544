/**
 * Unlock a repository for this session: the passphrase goes to the core (which keeps it in memory
 * and hands it to borg through a pipe) and is checked there against the repository.
 */
import { useState } from 'react';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { useAction } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';
import { useReposStore } from '../../stores/repos-store.js';

/** Props of {@link UnlockDialog}. */
export interface UnlockDialogProps {
  readonly repoId: string;
  /** Open the backup dialog once unlocked (the user pressed "Back up now" on a locked repository). */
  readonly thenBackup?: boolean;
}

/** The passphrase prompt for a locked repository. */
export function UnlockDialog({ repoId, thenBackup }: UnlockDialogProps) {
  const repo = useReposStore((s) => s.repos.find((r) => r.id === repoId));
  const unlockRepository = useReposStore((s) => s.unlockRepository);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const openDialog = useAppStore((s) => s.openDialog);
  const [passphrase, setPassphrase] = useState('');
  const [empty, setEmpty] = useState(false);
  const unlock = useAction(unlockRepository, {
    fallback: 'The repository could not be unlocked.',
    onSuccess: () => (thenBackup ? openDialog({ kind: 'backup', repoId }) : closeDialog()),
  });
  const busy = unlock.pending;
  const error = empty ? { message: 'Enter the passphrase of this repository.' } : unlock.error;

  const submit = (): void => {
    if (busy) return;
    setEmpty(passphrase === '');
    if (passphrase !== '') unlock.run({ repoId, passphrase });
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
