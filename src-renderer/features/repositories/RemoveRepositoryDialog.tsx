/**
 * Remove a repository from Borgdesk: names the plans that back up to it first, says what happens to
 * them (the repository is taken out of their targets; a plan left with none stays, without a
 * destination) and that the repository's data is never deleted.
 */
import type { RepositorySummary } from '../../../src-main/model/repository.js';
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
  const removeRepository = useReposStore((s) => s.removeRepository);
  const selectRepository = useAppStore((s) => s.selectRepository);
  const plans = useRequest('plans:list', {}, { fallback: 'The plans could not be loaded.' });
  const using = (plans.data ?? []).filter((p) => p.targets.some((t) => t.repoId === repo.id));
  return (
    <ConfirmDialog
      title={`Remove “${repo.name}” from Borgdesk?`}
      confirmLabel="Remove from Borgdesk"
      onConfirm={async () => {
        await removeRepository(repo.id);
        selectRepository(undefined);
      }}
      onClose={onClose}
    >
      <p>
        Borgdesk forgets this repository and its remembered passphrase.{' '}
        <strong>Its data is not deleted</strong>: the archives stay at <code>{repo.location}</code>, and you
        can add it again with “Open existing”.
      </p>
      {plans.loading ? <p className="muted">Looking for plans that use it…</p> : null}
      {using.length > 0 ? (
        <>
          <p>These plans back up to it; it is taken out of them:</p>
          <ul aria-label="Plans that use this repository">
            {using.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong>
                {p.targets.length === 1
                  ? ' — its only repository: the plan stays, with no destination, until you choose another.'
                  : ` — keeps its other ${p.targets.length - 1 === 1 ? 'repository' : `${p.targets.length - 1} repositories`}.`}
              </li>
            ))}
          </ul>
        </>
      ) : plans.data ? (
        <p className="muted">No plan backs up to it.</p>
      ) : null}
    </ConfirmDialog>
  );
}
