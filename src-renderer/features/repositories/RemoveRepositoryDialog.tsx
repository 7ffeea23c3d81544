/**
 * Remove a repository from Borgdesk: names the plans that back up to it first, says what happens to
 * them (the repository is taken out of their targets; a plan left with none stays, without a
 * destination) and that the repository's data is never deleted.
 */
import { Trans, useTranslation } from 'react-i18next';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { formatCount } from '../../lib/format.js';
import { useRequest } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { ConfirmDialog } from '../plans/ConfirmDialog.js';

/** Props of {@link RemoveRepositoryDialog}. */
export interface RemoveRepositoryDialogProps {
  readonly repo: RepositorySummary;
  readonly onClose: () => void;
}

/** The confirmation behind a repository's "Remove from Borgdesk…". */
export function RemoveRepositoryDialog({ repo, onClose }: RemoveRepositoryDialogProps) {
  const { t } = useTranslation('repositories');
  const removeRepository = useReposStore((s) => s.removeRepository);
  const selectRepository = useAppStore((s) => s.selectRepository);
  const plans = useRequest('plans:list', {}, { fallback: t('remove.plansFailed') });
  const using = (plans.data ?? []).filter((p) => p.targets.some((t) => t.repoId === repo.id));
  return (
    <ConfirmDialog
      title={t('remove.title', { name: repo.name })}
      confirmLabel={t('remove.confirm')}
      onConfirm={async () => {
        await removeRepository(repo.id);
        selectRepository(undefined);
      }}
      onClose={onClose}
    >
      <p>
        <Trans
          t={t}
          i18nKey="remove.explanation"
          values={{ location: repo.location }}
          components={{ strong: <strong />, location: <code translate="no" /> }}
        />
      </p>
      {plans.loading ? <p className="muted">{t('remove.lookingForPlans')}</p> : null}
      {using.length > 0 ? (
        <>
          <p>{t('remove.plansUsing')}</p>
          <ul aria-label={t('remove.plansLabel')}>
            {using.map((p) => (
              <li key={p.id}>
                <strong translate="no">{p.name}</strong>
                {p.targets.length === 1
                  ? t('remove.onlyRepository')
                  : t('remove.keepsOthers', {
                      count: p.targets.length - 1,
                      figure: formatCount(p.targets.length - 1),
                    })}
              </li>
            ))}
          </ul>
        </>
      ) : plans.data ? (
        <p className="muted">{t('remove.noPlans')}</p>
      ) : null}
    </ConfirmDialog>
  );
}
