/**
 * The repository-wide archive actions in the Archives card: Search all archives, Compare archives
 * and Mount repository.
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { useViewStore } from '../../stores/view-store.js';
import { MountControls } from './MountControls.js';
import styles from './ArchiveActions.module.css';

/** Props of {@link ArchiveActions}. */
export interface ArchiveActionsProps {
  readonly repoId: string;
  readonly archiveCount: number;
}

/** Buttons beside the Archives title. */
export function ArchiveActions({ repoId, archiveCount }: ArchiveActionsProps) {
  const { t } = useTranslation('archives');
  const show = useViewStore((s) => s.show);
  return (
    <div className={styles.archiveActions}>
      <Button
        size="small"
        variant="ghost"
        icon="search"
        disabled={archiveCount === 0}
        onClick={() => show(repoId, { kind: 'search-all' })}
      >
        {t('actions.searchAll')}
      </Button>
      <Button
        size="small"
        variant="ghost"
        icon="compare"
        disabled={archiveCount < 2}
        title={archiveCount < 2 ? t('actions.needsTwoArchives') : undefined}
        onClick={() => show(repoId, { kind: 'compare' })}
      >
        {t('actions.compare')}
      </Button>
      <MountControls repoId={repoId} label={t('actions.mountRepository')} compact />
    </div>
  );
}
