/**
 * The archive browser's header: the way back to the repository, the archive's name and date, how
 * far its contents have been read, the "Search in archive" field and Mount.
 */
import { useTranslation } from 'react-i18next';
import type { ArchiveIndexState } from '../../../src-main/model/archive.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { Icon } from '../../components/Icon.js';
import { formatDateTime, formatRelative } from '../../lib/format.js';
import { useReposStore } from '../../stores/repos-store.js';
import { useViewStore } from '../../stores/view-store.js';
import { IndexStatus } from './IndexStatus.js';
import { MountControls } from './MountControls.js';
import { SearchBox } from './SearchBox.js';
import styles from './BrowserHeader.module.css';

/** Props of {@link BrowserHeader}. */
export interface BrowserHeaderProps {
  readonly repo: RepositorySummary;
  readonly archiveName: string;
  readonly archiveId?: string | undefined;
  readonly indexState: ArchiveIndexState | undefined;
  readonly query: string;
  readonly onQuery: (query: string) => void;
}

/** The header of the archive browser. */
export function BrowserHeader(props: BrowserHeaderProps) {
  const { repo, archiveName, archiveId, indexState, query, onQuery } = props;
  const { t } = useTranslation('archives');
  const showOverview = useViewStore((s) => s.showOverview);
  const summary = useReposStore((s) =>
    s.details[repo.id]?.data?.archives.find((a) =>
      archiveId === undefined ? a.name === archiveName : a.id === archiveId,
    ),
  );
  return (
    <header className="browser-header">
      <Button variant="ghost" size="small" icon="arrowLeft" onClick={() => showOverview(repo.id)}>
        <span translate="no">{repo.name}</span>
      </Button>
      <div className={styles.browserTitleRow}>
        <div className={styles.browserTitle}>
          <h1 className="repo-title">
            <Icon name="archive" size={20} />{' '}
            <span className={styles.archiveTitleName} translate="no">
              {archiveName}
            </span>
          </h1>
          <p className={styles.browserMeta}>
            {summary ? (
              <span>
                {formatDateTime(summary.start)} · {formatRelative(summary.start)}
              </span>
            ) : null}
            <IndexStatus state={indexState} />
          </p>
        </div>
        <div className={styles.browserHeaderActions}>
          <SearchBox value={query} onChange={onQuery} />
          <MountControls
            repoId={repo.id}
            archiveName={archiveName}
            archiveId={archiveId}
            label={t('header.mount')}
          />
        </div>
      </div>
    </header>
  );
}
