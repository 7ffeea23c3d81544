/**
 * Change a repository's passphrase (`borg key change-passphrase`). The current one is the one
 * Borgdesk holds unless the user types it; the new one is typed twice. Borgdesk replaces its copy
 * only after borg succeeded.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { DialogFooter } from '../../components/DialogFooter.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { PassphraseFields, passphraseProblem } from '../../components/PassphraseFields.js';
import { useAction } from '../../lib/use-request.js';
import { useReposStore } from '../../stores/repos-store.js';

/** Props of {@link ChangePassphraseDialog}. */
export interface ChangePassphraseDialogProps {
  readonly repo: RepositorySummary;
  readonly onClose: () => void;
  /** Called after borg changed it. */
  readonly onChanged: () => void;
}

/** The "Change passphrase" dialog. */
export function ChangePassphraseDialog({ repo, onClose, onChanged }: ChangePassphraseDialogProps) {
  const { t } = useTranslation('keys');
  const upsertRepo = useReposStore((s) => s.upsertRepo);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [attempted, setAttempted] = useState(false);
  const change = useAction('keys:change-passphrase', {
    fallback: t('change.failed'),
    onSuccess: (updated) => {
      upsertRepo(updated);
      onChanged();
    },
  });
  const { pending: busy, error } = change;
  // A passcommand counts as unlocked, but Borgdesk holds no passphrase to start from.
  const needsCurrent = !repo.unlocked || repo.passcommand !== undefined;

  const submit = (): void => {
    setAttempted(true);
    if (busy || passphraseProblem(next, confirm) || (needsCurrent && current === '')) return;
    change.run({
      repoId: repo.id,
      newPassphrase: next,
      ...(current === '' ? {} : { currentPassphrase: current }),
    });
  };

  return (
    <Dialog
      title={t('change.title')}
      description={t('change.description', { name: repo.name })}
      size="small"
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      footer={
        <DialogFooter onClose={onClose} busy={busy} submitLabel={t('change.title')} closeLabel="Close" />
      }
    >
      {error ? <ErrorMessage error={error} /> : null}
      <Field
        label={t('change.current')}
        error={attempted && needsCurrent && current === '' ? t('change.enterCurrent') : undefined}
        hint={needsCurrent ? undefined : t('change.useHeld')}
      >
        <input
          type="password"
          value={current}
          autoComplete="current-password"
          onChange={(e) => setCurrent(e.target.value)}
        />
      </Field>
      <PassphraseFields
        passphrase={next}
        confirm={confirm}
        onPassphrase={setNext}
        onConfirm={setConfirm}
        showErrors={attempted}
      />
    </Dialog>
  );
}
