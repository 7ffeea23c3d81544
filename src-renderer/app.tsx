/**
 * The app shell: connects the stores to the core once, then shows the borg setup screen, or the
 * sidebar + main area + log panel, with the one open dialog on top.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi, onConnectionChange } from './api/select-client.js';
import { Button } from './components/Button.js';
import { ErrorMessage } from './components/ErrorMessage.js';
import { BorgMissing } from './features/setup/BorgMissing.js';
import { ConnectionBanner } from './features/shell/ConnectionBanner.js';
import { DialogHost } from './features/shell/DialogHost.js';
import { MainContent } from './features/shell/MainContent.js';
import { Sidebar } from './features/shell/Sidebar.js';
import { useAppStore } from './stores/app-store.js';
import { bindEvents } from './stores/bind-events.js';
import { useJobsStore } from './stores/jobs-store.js';
import { useReposStore } from './stores/repos-store.js';
import { usePlansStore } from './stores/plans-store.js';
import { useChecksStore } from './stores/checks-store.js';
import { useQuestionsStore } from './stores/questions-store.js';
import styles from './app.module.css';

// Everything the UI shows is (re)loaded whenever the connection opens, so a reconnect catches up.
function loadAll(): void {
  const app = useAppStore.getState();
  void app.loadStatus();
  void app.loadSettings();
  const repos = useReposStore.getState();
  void repos.loadRepos();
  // Plans feed the Overview and the Plans screen; loading them here keeps both current after a reconnect.
  void usePlansStore.getState().load();
  void useChecksStore.getState().load();
  void useQuestionsStore.getState().load();
  // After a reconnect, details shown before the drop (or that failed because of it) are stale.
  for (const repoId of Object.keys(repos.details)) void repos.loadDetails(repoId);
  useJobsStore
    .getState()
    .loadJobs()
    .catch(() => {
      // Older jobs are a nicety; new ones arrive as events.
    });
}

/** The root component. */
export function App() {
  const status = useAppStore((s) => s.status);
  const statusError = useAppStore((s) => s.statusError);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const { t } = useTranslation();

  useEffect(() => {
    const unbind = bindEvents(getApi());
    const unwatch = onConnectionChange((state) => {
      useAppStore.getState().setConnection(state);
      if (state === 'open') loadAll();
    });
    return () => {
      unwatch();
      unbind();
    };
  }, []);

  if (!status) {
    return (
      <div className={styles.splash}>
        <ConnectionBanner />
        {statusError ? (
          <div className={`card ${styles.splashCard}`}>
            <ErrorMessage error={statusError} title={t('app.couldNotStart')} />
            <Button variant="primary" onClick={() => void loadStatus()}>
              {t('actions.tryAgain')}
            </Button>
          </div>
        ) : (
          <div className="splash-loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('app.starting')}
          </div>
        )}
      </div>
    );
  }

  if (status.borg.state !== 'ok') {
    return (
      <>
        <ConnectionBanner />
        <BorgMissing status={status} />
      </>
    );
  }

  return (
    <div className={styles.app}>
      <ConnectionBanner />
      <Sidebar />
      <MainContent status={status} />
      <DialogHost />
    </div>
  );
}
