/**
 * What the main area shows for the selected repository: its overview, or (once unlocked) one of
 * the archive screens the view store names — an archive's browser, the comparison or the search.
 */
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { isLocked } from '../../stores/repos-store.js';
import { useViewStore, viewOf } from '../../stores/view-store.js';
import { CompareView } from '../compare/CompareView.js';
import { RepositoryView } from '../repositories/RepositoryView.js';
import { ArchiveBrowser } from './ArchiveBrowser.js';
import { CrossArchiveSearch } from './CrossArchiveSearch.js';

/** Props of {@link RepositoryScreen}. */
export interface RepositoryScreenProps {
  readonly repo: RepositorySummary;
}

/** The repository's current screen. */
export function RepositoryScreen({ repo }: RepositoryScreenProps) {
  const view = useViewStore((s) => viewOf(s, repo.id));
  // A locked repository can show nothing but its overview, which offers Unlock.
  if (isLocked(repo)) return <RepositoryView repo={repo} />;
  switch (view.kind) {
    case 'archive':
      return (
        <ArchiveBrowser
          key={view.archiveId ?? view.archiveName}
          repo={repo}
          archiveName={view.archiveName}
          archiveId={view.archiveId}
          reveal={view.reveal}
          revealId={view.revealId}
        />
      );
    case 'compare':
      return <CompareView repo={repo} />;
    case 'search-all':
      return <CrossArchiveSearch repo={repo} />;
    case 'overview':
      return <RepositoryView repo={repo} />;
  }
}
