/**
 * Renders whichever dialog the app store says is open. One place decides, so two dialogs never fight.
 */
import { useAppStore } from '../../stores/app-store.js';
import { VersionsDialog } from '../archives/VersionsDialog.js';
import { BackupDialog } from '../jobs/BackupDialog.js';
import { AddRepositoryDialog } from '../repositories/AddRepositoryDialog.js';
import { UnlockDialog } from '../repositories/UnlockDialog.js';
import { RestoreDialog } from '../restore/RestoreDialog.js';
import { SaveCopyDialog } from '../restore/SaveCopyDialog.js';
import { SettingsDialog } from '../settings/SettingsDialog.js';

/** The open dialog, if any. */
export function DialogHost() {
  const dialog = useAppStore((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'add-repository':
      return <AddRepositoryDialog key={dialog.mode} initialMode={dialog.mode} />;
    case 'unlock':
      return <UnlockDialog key={dialog.repoId} repoId={dialog.repoId} thenBackup={dialog.thenBackup} />;
    case 'backup':
      return <BackupDialog key={dialog.repoId} repoId={dialog.repoId} />;
    case 'settings':
      return <SettingsDialog />;
    case 'restore':
      return (
        <RestoreDialog
          key={`${dialog.repoId}\u0000${dialog.archiveName}\u0000${dialog.paths.join('\u0000')}`}
          repoId={dialog.repoId}
          archiveName={dialog.archiveName}
          archiveId={dialog.archiveId}
          paths={dialog.paths}
        />
      );
    case 'save-copy':
      return (
        <SaveCopyDialog
          key={`${dialog.archiveName}\u0000${dialog.path}`}
          repoId={dialog.repoId}
          archiveName={dialog.archiveName}
          archiveId={dialog.archiveId}
          path={dialog.path}
        />
      );
    case 'versions':
      return <VersionsDialog key={dialog.path} repoId={dialog.repoId} path={dialog.path} />;
  }
}
