/**
 * Decides what the main area shows: the welcome on first run, the selected repository, or an empty
 * state pointing at "Add repository"; plus the log panel of that repository's latest job.
 */
import type { AppStatus } from '../../../src-main/ipc/contract.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { latestJobFor } from '../../stores/job-events.js';
import { useAppStore } from '../../stores/app-store.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { RepositoryScreen } from '../archives/RepositoryScreen.js';
import { LogPanel } from '../jobs/LogPanel.js';
import { Welcome } from '../welcome/Welcome.js';

/** Props of {@link MainContent}. */
export interface MainContentProps {
  readonly status: AppStatus;
}

/** The main column. */
export function MainContent({ status }: MainContentProps) {
  const selectedId = useAppStore((s) => s.selectedRepoId);
  const welcomeDismissed = useAppStore((s) => s.welcomeDismissed);
  const repos = useReposStore((s) => s.repos);
  const loaded = useReposStore((s) => s.loaded);
  const listError = useReposStore((s) => s.listError);
  const repo = repos.find((r) => r.id === selectedId) ?? repos[0];
  const job = useJobsStore((s) =>
    repo ? latestJobFor(s, repo.id, ['backup', 'init', 'restore']) : undefined,
  );

  let content;
  if (listError) content = <ErrorMessage error={listError} title="Repositories could not be loaded" />;
  else if (!loaded) content = null;
  else if (repo) content = <RepositoryScreen key={repo.id} repo={repo} />;
  else if (status.firstRun && !welcomeDismissed) content = <Welcome status={status} />;
  else
    content = (
      <EmptyState icon="archive" title="No repositories yet">
        Use <strong>Add repository</strong> in the sidebar to create a new backup repository or to open one
        you already have.
      </EmptyState>
    );

  return (
    <main className="main">
      <div className="content">{content}</div>
      {repo ? <LogPanel job={job} /> : null}
    </main>
  );
}
