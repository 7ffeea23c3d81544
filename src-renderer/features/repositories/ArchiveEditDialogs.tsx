/**
 * The dialogs an archive row opens: Why did it grow?, Info (with Rename… and Comment…), Rename, Comment, Tags (borg 2)
 * and the delete confirmation, whose words say whether the delete can be undone (borg 2 only marks
 * archives as deleted until the next compact; borg 1.x deletes for good). Every request names the
 * archive by id too, so borg 2's archives of one name are never mixed up.
 */
import { Trans, useTranslation } from 'react-i18next';
import type { ArchiveSummary } from '../../../src-main/model/archive.js';
import { useReposStore } from '../../stores/repos-store.js';
import { ArchiveInfoDialog } from '../archives/ArchiveInfoDialog.js';
import { ArchiveTagsDialog } from '../archives/ArchiveTagsDialog.js';
import { ArchiveTextDialog } from '../archives/ArchiveTextDialog.js';
import { GrowthDialog } from '../archives/GrowthDialog.js';
import { ConfirmDialog } from '../plans/ConfirmDialog.js';
import type { ArchiveEdit } from './ArchivesTable.js';

/** What is open: an edit of an archive, or the confirmation to delete one. */
export type ArchiveDialog =
  | { readonly archive: ArchiveSummary; readonly edit: ArchiveEdit }
  | { readonly archive: ArchiveSummary; readonly edit: 'delete' };

/** Props of {@link ArchiveEditDialogs}. */
export interface ArchiveEditDialogsProps {
  readonly repoId: string;
  readonly dialog: ArchiveDialog | undefined;
  /** The borg only marks deleted archives (borg 2): they can be undeleted until the next compact. */
  readonly softDelete: boolean;
  readonly onChange: (dialog: ArchiveDialog | undefined) => void;
}

/** The open archive dialog, if any. */
export function ArchiveEditDialogs({ repoId, dialog, softDelete, onChange }: ArchiveEditDialogsProps) {
  const { t } = useTranslation('repositories');
  const deleteArchive = useReposStore((s) => s.deleteArchive);
  if (dialog === undefined) return null;
  const { archive } = dialog;
  const ref = { repoId, archiveName: archive.name, archiveId: archive.id };
  const close = (): void => onChange(undefined);
  switch (dialog.edit) {
    case 'info':
      return <ArchiveInfoDialog {...ref} onClose={close} onEdit={(edit) => onChange({ archive, edit })} />;
    case 'rename':
    case 'comment':
      return <ArchiveTextDialog kind={dialog.edit} {...ref} comment={archive.comment} onClose={close} />;
    case 'growth':
      return <GrowthDialog {...ref} onClose={close} />;
    case 'tags':
      return <ArchiveTagsDialog {...ref} tags={archive.tags ?? []} onClose={close} />;
    case 'delete':
      return (
        <ConfirmDialog
          title={t('deleteArchive.title')}
          confirmLabel={t('deleteArchive.confirm')}
          onConfirm={() => deleteArchive(ref)}
          onClose={close}
        >
          <p>
            <Trans
              t={t}
              i18nKey={softDelete ? 'deleteArchive.soft' : 'deleteArchive.final'}
              values={{ name: archive.name }}
              components={{ name: <strong className="archive-name" translate="no" /> }}
            />
          </p>
        </ConfirmDialog>
      );
  }
}
