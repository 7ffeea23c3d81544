/**
 * "Forget" beside "Remembered on this computer": removes the keychain copy of the passphrase and
 * the one in memory, so the repository is locked until the user unlocks it again.
 */
import { useTranslation } from 'react-i18next';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../lib/use-request.js';
import { useReposStore } from '../../stores/repos-store.js';

/** Props of {@link ForgetPassphraseButton}. */
export interface ForgetPassphraseButtonProps {
  readonly repo: RepositorySummary;
}

/** The Forget action, shown only while the passphrase is remembered. */
export function ForgetPassphraseButton({ repo }: ForgetPassphraseButtonProps) {
  const { t } = useTranslation('repositories');
  const upsertRepo = useReposStore((s) => s.upsertRepo);
  const forgetting = useAction('repos:forget-passphrase', {
    fallback: t('forget.failed'),
    onSuccess: upsertRepo,
  });
  if (repo.passphraseStored !== true) return null;
  const busy = forgetting.pending;
  const error = forgetting.error;
  const forget = (): void => forgetting.run({ repoId: repo.id });
  return (
    <>
      <Button variant="ghost" size="small" busy={busy} onClick={forget} title={t('forget.title')}>
        {t('forget.label')}
      </Button>
      {error ? <ErrorMessage error={error} /> : null}
    </>
  );
}
