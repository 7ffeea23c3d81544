/**
 * Edit a repository: its name, and its location after the drive or folder moved. Borgdesk accepts a
 * new location only when borg finds the same repository there, and answers borg's "previously
 * located at …" question for that one check, so the dialog says so before the user saves.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { DialogFooter } from '../../components/DialogFooter.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { useAction } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { locationFieldError } from './location-field.js';
import { useExtraLocationSchemes } from './location-kinds.js';
import { LocationField } from './LocationField.js';

/** Props of {@link EditRepositoryDialog}. */
export interface EditRepositoryDialogProps {
  readonly repo: RepositorySummary;
  readonly onClose: () => void;
}

/** The dialog behind a repository's "Edit…". */
export function EditRepositoryDialog({ repo, onClose }: EditRepositoryDialogProps) {
  const { t } = useTranslation(['repositories', 'common']);
  const homeDir = useAppStore((s) => s.status?.homeDir);
  const editRepository = useReposStore((s) => s.editRepository);
  const [name, setName] = useState(repo.name);
  const [location, setLocation] = useState(repo.location);
  const [attempted, setAttempted] = useState(false);
  const nameError = name.trim() === '' ? t('form.nameMissing') : undefined;
  const extraSchemes = useExtraLocationSchemes();
  const locationError = locationFieldError(location, t('edit.locationMissing'), extraSchemes);
  const moved = location.trim() !== repo.location;
  const save = useAction(
    () =>
      editRepository({ repoId: repo.id, name: name.trim(), ...(moved ? { location: location.trim() } : {}) }),
    { fallback: t('edit.failed'), onSuccess: onClose },
  );
  const submit = (): void => {
    setAttempted(true);
    if (nameError || locationError || save.pending) return;
    save.run();
  };
  return (
    <Dialog
      title={t('edit.title', { name: repo.name })}
      onClose={onClose}
      onSubmit={submit}
      busy={save.pending}
      footer={
        <DialogFooter
          onClose={onClose}
          busy={save.pending}
          submitLabel={moved ? t('edit.checkAndSave') : t('common:actions.save')}
        />
      }
    >
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <Field label={t('form.nameLabel')} error={attempted ? nameError : undefined}>
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </Field>
      <LocationField
        value={location}
        onChange={setLocation}
        onPicked={setLocation}
        error={attempted ? locationError : undefined}
        hint={t('edit.locationHint')}
        placeholder={t('placeholders.folder')}
        pickerTitle={t('form.pickExisting')}
        startPath={homeDir}
        disabled={save.pending}
      />
      {moved ? (
        <p className="muted" role="note">
          {t('edit.movedNote')}
        </p>
      ) : null}
    </Dialog>
  );
}
