/**
 * Decides what the main area shows: the welcome on first run, the job history, the plans, the overview of all
 * repositories (the default once one exists), the selected repository, or an empty state pointing at
 * "Add repository"; plus, on a repository's screen, the log panel of its latest job.
 */
import { Trans, useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../src-main/model/app.js';
import type { JobKind } from '../../../src-main/model/job.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { latestJobFor } from '../../stores/job-events.js';
import { useAppStore } from '../../stores/app-store.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { LogPanel } from '../jobs/LogPanel.js';
import { Welcome } from '../welcome/Welcome.js';
import { Dashboard, HistoryScreen, PlansScreen, RepositoryScreen } from './lazy-screens.js';
import { WithAttention } from './WithAttention.js';
import styles from './shell.module.css';

// Jobs whose log the panel follows on a repository's screen.
const LOGGED_KINDS: readonly JobKind[] = [
  'backup',
  'init',
  'restore',
  'check',
  'delete',
  'prune',
  'compact',
  'recompress',
];

/** Props of {@link MainContent}. */
export interface MainContentProps {
  readonly status: AppStatus;
}

/** The main column. */
export function MainContent({ status }: MainContentProps) {
  const { t } = useTranslation('shell');
  const selectedId = useAppStore((s) => s.selectedRepoId);
  const section = useAppStore((s) => s.section);
  const welcomeDismissed = useAppStore((s) => s.welcomeDismissed);
  const repos = useReposStore((s) => s.repos);
  const loaded = useReposStore((s) => s.loaded);
  const listError = useReposStore((s) => s.listError);
  // A removed repository's screen falls back to the overview.
  const repo = section === 'repository' ? repos.find((r) => r.id === selectedId) : undefined;
  const job = useJobsStore((s) => (repo ? latestJobFor(s, repo.id, LOGGED_KINDS) : undefined));

  let content;
  if (listError) content = <ErrorMessage error={listError} title={t('main.listFailed')} />;
  else if (!loaded) content = null;
  else if (section === 'history') content = <HistoryScreen />;
  else if (section === 'plans') content = <PlansScreen />;
  else if (repo) content = <RepositoryScreen key={repo.id} repo={repo} />;
  else if (repos.length > 0) content = <Dashboard repos={repos} />;
  else if (status.firstRun && !welcomeDismissed)
    content = (
      <WithAttention>
        <Welcome status={status} />
      </WithAttention>
    );
  else
    content = (
      <WithAttention>
        <EmptyState icon="archive" title={t('main.noRepositories')}>
          <Trans t={t} i18nKey="main.noRepositoriesBody" components={{ strong: <strong /> }} />
        </EmptyState>
      </WithAttention>
    );

  return (
    <main className={styles.main}>
      <div className={styles.content}>{content}</div>
      {repo ? <LogPanel job={job} /> : null}
    </main>
  );
}
