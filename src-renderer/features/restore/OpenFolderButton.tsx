/**
 * "Open folder": asks the host to show a folder in the system file manager. The browser host cannot,
 * so then the button says where the folder is instead (the path is shown beside it with Copy).
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { useAction } from '../../lib/use-request.js';
import styles from './restore.module.css';

/** Props of {@link OpenFolderButton}. */
export interface OpenFolderButtonProps {
  readonly path: string;
  readonly size?: 'small' | 'medium';
  readonly variant?: 'primary' | 'secondary' | 'ghost';
}

/** Opens `path` in the file manager where the host supports it. */
export function OpenFolderButton({ path, size = 'medium', variant = 'secondary' }: OpenFolderButtonProps) {
  const { t } = useTranslation('restore');
  const opening = useAction('shell:open-path', { fallback: t('openFolder.failed') });
  const state = opening.pending
    ? 'opening'
    : opening.error
      ? 'failed'
      : opening.data?.opened === false
        ? 'unsupported'
        : 'idle';
  const open = (): void => opening.run({ path });
  return (
    <span className={styles.openFolder}>
      <Button icon="external" size={size} variant={variant} onClick={open} busy={state === 'opening'}>
        {t('openFolder.open')}
      </Button>
      {state === 'unsupported' || state === 'failed' ? (
        <span className={styles.openFolderNote} role="status">
          {state === 'unsupported' ? t('openFolder.unsupported') : t('openFolder.failedNote')}
        </span>
      ) : null}
    </span>
  );
}
