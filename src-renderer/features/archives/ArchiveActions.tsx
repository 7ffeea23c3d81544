/**
 * The repository-wide archive actions in the Archives card: Search all archives, Compare archives
 * and Mount repository.
 */
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
        Search all archives
      </Button>
      <Button
        size="small"
        variant="ghost"
        icon="compare"
        disabled={archiveCount < 2}
        title={archiveCount < 2 ? 'Needs at least two archives' : undefined}
        onClick={() => show(repoId, { kind: 'compare' })}
      >
        Compare archives
      </Button>
      <MountControls repoId={repoId} label="Mount repository" compact />
    </div>
  );
}
