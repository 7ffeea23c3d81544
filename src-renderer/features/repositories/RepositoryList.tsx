/**
 * The sidebar's repository list: name, location, lock state and last backup, with the selected one
 * highlighted. A running backup shows a small activity dot.
 */
import { useTranslation } from 'react-i18next';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Icon } from '../../components/Icon.js';
import { formatRelative, truncateMiddle } from '../../lib/format.js';
import { isRemoteLocation, tildify } from '../../lib/paths.js';
import { useAppStore } from '../../stores/app-store.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { isLocked, useReposStore } from '../../stores/repos-store.js';
import { useViewStore } from '../../stores/view-store.js';
import styles from './repositories.module.css';

function useRunningRepoIds(): ReadonlySet<string> {
  const jobs = useJobsStore((s) => s.jobs);
  const ids = new Set<string>();
  for (const job of Object.values(jobs))
    if (job.status === 'running' || job.status === 'queued') ids.add(job.repoId);
  return ids;
}

/** The list of repositories in the sidebar. */
export function RepositoryList() {
  const { t } = useTranslation('repositories');
  const repos = useReposStore((s) => s.repos);
  const loaded = useReposStore((s) => s.loaded);
  // Highlighted only while its screen is shown, not while Overview or History is.
  const selected = useAppStore((s) => (s.section === 'repository' ? s.selectedRepoId : undefined));
  const select = useAppStore((s) => s.selectRepository);
  const showOverview = useViewStore((s) => s.showOverview);
  const homeDir = useAppStore((s) => s.status?.homeDir);
  const running = useRunningRepoIds();

  if (loaded && repos.length === 0) {
    return <p className={styles.sidebarEmpty}>{t('list.empty')}</p>;
  }
  return (
    <ul className={styles.repoList} aria-label={t('list.label')}>
      {repos.map((repo) => (
        <li key={repo.id}>
          <RepositoryItem
            repo={repo}
            active={repo.id === selected}
            running={running.has(repo.id)}
            homeDir={homeDir}
            onSelect={() => {
              select(repo.id);
              // Choosing a repository in the sidebar always leads to its overview.
              showOverview(repo.id);
            }}
          />
        </li>
      ))}
    </ul>
  );
}

interface RepositoryItemProps {
  readonly repo: RepositorySummary;
  readonly active: boolean;
  readonly running: boolean;
  readonly homeDir: string | undefined;
  readonly onSelect: () => void;
}

function RepositoryItem({ repo, active, running, homeDir, onSelect }: RepositoryItemProps) {
  const { t } = useTranslation('repositories');
  const locked = isLocked(repo);
  return (
    // The accessible name is the button's whole visible text (name, location, lock state, last
    // backup): speech users say what they see, and WCAG 2.5.3 asks the name to contain it.
    <button
      type="button"
      className={active ? `${styles.repoItem} active` : styles.repoItem}
      aria-current={active ? 'page' : undefined}
      onClick={onSelect}
    >
      <span className={styles.repoItemIcon}>
        <Icon name={isRemoteLocation(repo.location) ? 'server' : 'archive'} />
      </span>
      <span className={styles.repoItemText}>
        <span className={styles.repoItemName}>
          <span translate="no" title={repo.name}>
            {repo.name}
          </span>
          {running ? <span className={styles.activityDot} title={t('list.backupRunning')} /> : null}
        </span>
        <span className={styles.repoItemMeta}>
          <span className={styles.repoItemLocation} title={repo.location} translate="no">
            {truncateMiddle(tildify(repo.location, homeDir), 32)}
          </span>
          <span className={styles.repoItemStatus}>
            {locked ? (
              <span className={`${styles.lockState} ${styles.locked}`}>
                <Icon name="lock" size={12} /> {t('list.locked')}
              </span>
            ) : null}
            <span>
              {repo.lastBackupAt
                ? t('list.backedUp', { when: formatRelative(repo.lastBackupAt) })
                : t('list.neverBackedUp')}
            </span>
          </span>
        </span>
      </span>
    </button>
  );
}
