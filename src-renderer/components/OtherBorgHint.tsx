/**
 * Under an error saying the repository was made by the other major version of borg
 * (RepositoryFromOtherBorg): the way to Settings → Path to borg, where the user chooses the borg
 * that opens it. (Migrating a borg 1.x repository to borg 2 is offered where migration lives.)
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store.js';
import { Button } from './Button.js';

/** The error code this hint belongs to. */
export const OTHER_BORG_CODE = 'RepositoryFromOtherBorg';

/** Props of {@link OtherBorgHint}. */
export interface OtherBorgHintProps {
  /** The major version of borg that made the repository. */
  readonly major: number | undefined;
}

/** "Choose borg 2…": opens Settings. */
export function OtherBorgHint({ major }: OtherBorgHintProps) {
  const { t } = useTranslation('components');
  const openDialog = useAppStore((s) => s.openDialog);
  return (
    <div className="host-key-check">
      <Button icon="settings" size="small" onClick={() => openDialog({ kind: 'settings' })}>
        {major === 2 ? t('otherBorg.chooseBorg2') : t('otherBorg.chooseBorg')}
      </Button>
    </div>
  );
}
