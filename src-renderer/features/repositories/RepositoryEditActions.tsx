/** A repository's "Edit…" (name, moved location) and "Remove from Borgdesk…" buttons and their dialogs. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { EditRepositoryDialog } from './EditRepositoryDialog.js';
import { RemoveRepositoryDialog } from './RemoveRepositoryDialog.js';

/** Props of {@link RepositoryEditActions}. */
export interface RepositoryEditActionsProps {
  readonly repo: RepositorySummary;
  /** True while a task of the repository runs (a move cannot be checked then). */
  readonly busy: boolean;
}

/** Edit… and Remove from Borgdesk…, beside the repository's location. */
export function RepositoryEditActions({ repo, busy }: RepositoryEditActionsProps) {
  const { t } = useTranslation('repositories');
  const [open, setOpen] = useState<'edit' | 'remove'>();
  return (
    <>
      <Button size="small" variant="ghost" onClick={() => setOpen('edit')} disabled={busy}>
        {t('editActions.edit')}
      </Button>
      <Button size="small" variant="ghost" onClick={() => setOpen('remove')} disabled={busy}>
        {t('editActions.remove')}
      </Button>
      {open === 'edit' ? <EditRepositoryDialog repo={repo} onClose={() => setOpen(undefined)} /> : null}
      {open === 'remove' ? <RemoveRepositoryDialog repo={repo} onClose={() => setOpen(undefined)} /> : null}
    </>
  );
}
