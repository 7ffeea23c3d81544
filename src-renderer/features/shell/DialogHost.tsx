/**
 * Renders whichever dialog the app store says is open. One place decides, so two dialogs never fight.
 */
import { useAppStore } from '../../stores/app-store.js';
import {
  AddRepositoryDialog,
  BackupDialog,
  RestoreDialog,
  SaveCopyDialog,
  SettingsDialog,
  UnlockDialog,
  VersionsDialog,
} from './lazy-screens.js';

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
