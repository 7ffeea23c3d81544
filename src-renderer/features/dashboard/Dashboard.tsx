/**
 * The overview: plans overdue for a backup, the plans with their last result and next run, then one
 * card per repository with its last backup, archive count, sizes and growth chart.
 * Each card fills in on its own as its details arrive, so one busy repository never holds up the rest.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { useAppStore } from '../../stores/app-store.js';
import { useDrillsStore } from '../../stores/drills-store.js';
import { useHistoryStore } from '../../stores/history-store.js';
import { usePlansStore } from '../../stores/plans-store.js';
import { isLocked, useReposStore } from '../../stores/repos-store.js';
import { AttentionCard } from './AttentionCard.js';
import { PlansSummary } from './PlansSummary.js';
import { RepositoryCard } from './RepositoryCard.js';
import styles from './dashboard.module.css';

/** Props of {@link Dashboard}. */
export interface DashboardProps {
  readonly repos: readonly RepositorySummary[];
}

/** The overview screen. */
export function Dashboard({ repos }: DashboardProps) {
  const { t } = useTranslation('dashboard');
  const details = useReposStore((s) => s.details);
  const latest = useHistoryStore((s) => s.latest);
  const latestByPlan = useHistoryStore((s) => s.latestByPlan);
  const lastGood = useHistoryStore((s) => s.lastGood);
  const connection = useAppStore((s) => s.connection);

  // Ask once per repository (and again after a reconnect); repos-store shares in-flight requests.
  const keys = repos.map((r) => `${r.id}:${isLocked(r) ? 'locked' : 'open'}`).join(',');
  useEffect(() => {
    if (connection !== 'open') return;
    const reposState = useReposStore.getState();
    for (const repo of reposState.repos) {
      void useHistoryStore.getState().loadLatest(repo.id);
      if (!isLocked(repo) && !reposState.details[repo.id]?.data) void reposState.loadDetails(repo.id);
    }
  }, [keys, connection]);

  useEffect(() => {
    if (connection !== 'open') return;
    void usePlansStore.getState().load();
    void useDrillsStore.getState().load();
  }, [connection]);

  return (
    <div className={styles.overview}>
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('overview.title')}</h1>
          <p className="page-subtitle">{t('overview.subtitle', { count: repos.length })}</p>
        </div>
      </header>
      <AttentionCard />
      <PlansSummary repos={repos} latest={latest} latestByPlan={latestByPlan} />
      <div className={styles.overviewGrid}>
        {repos.map((repo) => (
          <RepositoryCard
            key={repo.id}
            repo={repo}
            details={details[repo.id]}
            lastBackup={latest[repo.id]}
            lastGood={lastGood[repo.id]}
          />
        ))}
      </div>
    </div>
  );
}
