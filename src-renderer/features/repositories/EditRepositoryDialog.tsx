/**
 * Edit a repository: its name, and its location after the drive or folder moved. Borgdesk accepts a
 * new location only when borg finds the same repository there, and answers borg's "previously
 * located at …" question for that one check, so the dialog says so before the user saves.
 */
import { useState } from 'react';
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
  const homeDir = useAppStore((s) => s.status?.homeDir);
  const editRepository = useReposStore((s) => s.editRepository);
  const [name, setName] = useState(repo.name);
  const [location, setLocation] = useState(repo.location);
  const [attempted, setAttempted] = useState(false);
  const nameError = name.trim() === '' ? 'Give the repository a name.' : undefined;
  const extraSchemes = useExtraLocationSchemes();
  const locationError = locationFieldError(
    location,
    'Choose the folder or enter the ssh:// address.',
    extraSchemes,
  );
  const moved = location.trim() !== repo.location;
  const save = useAction(
    () =>
      editRepository({ repoId: repo.id, name: name.trim(), ...(moved ? { location: location.trim() } : {}) }),
    { fallback: 'The repository could not be changed.', onSuccess: onClose },
  );
  const submit = (): void => {
    setAttempted(true);
    if (nameError || locationError || save.pending) return;
    save.run();
  };
  return (
    <Dialog
      title={`Edit “${repo.name}”`}
      onClose={onClose}
      onSubmit={submit}
      busy={save.pending}
      footer={
        <DialogFooter onClose={onClose} busy={save.pending} submitLabel={moved ? 'Check and save' : 'Save'} />
      }
    >
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <Field label="Repository name" error={attempted ? nameError : undefined}>
        <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </Field>
      <LocationField
        value={location}
        onChange={setLocation}
        onPicked={setLocation}
        error={attempted ? locationError : undefined}
        hint="Moved the drive or the folder? Choose where the repository is now. Its backups stay where they are."
        placeholder="/media/usb/backups"
        pickerTitle="Choose the repository folder"
        startPath={homeDir}
        disabled={save.pending}
      />
      {moved ? (
        <p className="muted" role="note">
          Borgdesk opens the repository at the new location first and saves only if borg finds the same
          repository there (same repository id). Borg remembers where it last saw each repository; saving
          tells borg that this move is expected, for this repository only.
        </p>
      ) : null}
    </Dialog>
  );
}
