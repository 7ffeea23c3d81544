/**
 * "Forget" beside "Remembered on this computer": removes the keychain copy of the passphrase and
 * the one in memory, so the repository is locked until the user unlocks it again.
 */
import { useState } from 'react';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { getApi } from '../../api/select-client.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { useReposStore } from '../../stores/repos-store.js';

/** Props of {@link ForgetPassphraseButton}. */
export interface ForgetPassphraseButtonProps {
  readonly repo: RepositorySummary;
}

/** The Forget action, shown only while the passphrase is remembered. */
export function ForgetPassphraseButton({ repo }: ForgetPassphraseButtonProps) {
  const upsertRepo = useReposStore((s) => s.upsertRepo);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  if (repo.passphraseStored !== true) return null;
  const forget = (): void => {
    setBusy(true);
    setError(undefined);
    getApi()
      .invoke('repos:forget-passphrase', { repoId: repo.id })
      .then(upsertRepo, (e: unknown) => setError(toErrorInfo(e, 'The passphrase could not be forgotten.')))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <Button
        variant="ghost"
        size="small"
        busy={busy}
        onClick={forget}
        title="Remove the passphrase from this computer's keychain; Borgdesk asks for it again"
      >
        Forget
      </Button>
      {error ? <ErrorMessage error={error} /> : null}
    </>
  );
}
