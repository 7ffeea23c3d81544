/**
 * The Plans screen: every backup plan with its targets and schedules, "New plan", the switch
 * that pauses all schedules at once, and moving plans: "Export plans…" and "Import…".
 */
import { useEffect, useState } from 'react';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import type { ImportResult } from '../../../src-main/model/plan-transfer.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { saveTextFile } from '../../lib/save-file.js';
import { useAction } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';
import { usePlansStore, type StoredPlan } from '../../stores/plans-store.js';
import { useDrillsStore } from '../../stores/drills-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { PlanCard } from './PlanCard.js';
import { ImportPlansDialog } from './ImportPlansDialog.js';
import { PlanEditor } from './PlanEditor.js';
import styles from './plans.module.css';

// Which plan the editor shows: a new one, or an existing one by value (the list may change meanwhile).
type Editing = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly plan: StoredPlan };

/** The Plans screen. */
export function PlansScreen() {
  const plans = usePlansStore((s) => s.plans);
  const loaded = usePlansStore((s) => s.loaded);
  const loadError = usePlansStore((s) => s.error);
  const paused = usePlansStore((s) => s.paused);
  const repos = useReposStore((s) => s.repos);
  const connection = useAppStore((s) => s.connection);
  const homeDir = useAppStore((s) => s.status?.homeDir);
  const [editing, setEditing] = useState<Editing>();
  const [toggling, setToggling] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<ImportResult>();
  const exportPlans = useAction('plans:export', {
    fallback: 'The plans could not be exported.',
    onSuccess: ({ text, fileName }) => saveTextFile(fileName, text, 'application/json'),
  });

  useEffect(() => {
    if (connection !== 'open') return;
    void usePlansStore.getState().load();
    void useDrillsStore.getState().load();
  }, [connection]);

  const togglePause = async (): Promise<void> => {
    setToggling(true);
    setError(undefined);
    try {
      await usePlansStore.getState().setPaused(!paused);
    } catch (e) {
      setError(toErrorInfo(e, 'The schedules could not be changed.'));
    } finally {
      setToggling(false);
    }
  };

  const sorted = [...plans].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className={styles.plansScreen}>
      <header className="page-header">
        <div>
          <h1 className="page-title">Plans</h1>
          <p className="page-subtitle">
            What to back up, where to, and when. Borgdesk runs each schedule for you.
          </p>
        </div>
        <div className={styles.pageActions}>
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              checked={paused}
              disabled={toggling || !loaded}
              onChange={() => void togglePause()}
            />
            <span>Pause all schedules</span>
          </label>
          <Button
            icon="save"
            onClick={() => exportPlans.run({})}
            busy={exportPlans.pending}
            disabled={plans.length === 0}
            title="Save every plan and its repositories' locations to a file (no passphrases)"
          >
            Export plans…
          </Button>
          <Button icon="download" onClick={() => setImporting(true)}>
            Import…
          </Button>
          <Button
            variant="primary"
            icon="plus"
            onClick={() => setEditing({ kind: 'new' })}
            disabled={repos.length === 0}
            title={repos.length === 0 ? 'Add a repository first' : undefined}
          >
            New plan
          </Button>
        </div>
      </header>
      {paused ? (
        <p className={`callout ${styles.plansPaused}`} role="status">
          All schedules are paused. Run now still works; scheduled backups wait until you resume.
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {exportPlans.error ? <ErrorMessage error={exportPlans.error} /> : null}
      {imported ? (
        <p className="callout" role="status">
          Imported {imported.plans.map((p) => p.name).join(', ')}.
          {imported.repositoriesAdded > 0
            ? ' A locked repository needs its passphrase (Repositories, Unlock) before its first backup.'
            : ''}
        </p>
      ) : null}
      {loadError ? <ErrorMessage error={loadError} title="Plans could not be loaded" /> : null}
      {loaded && sorted.length === 0 && !loadError ? (
        <EmptyState icon="clock" title="No plans yet">
          A plan backs up the same folders on a schedule, to one or more repositories. Use{' '}
          <strong>New plan</strong> to make one.
        </EmptyState>
      ) : null}
      <div className={styles.plansList}>
        {sorted.map((plan) => (
          <PlanCard
            key={plan.id}
            plan={plan}
            repos={repos}
            homeDir={homeDir}
            onEdit={() => setEditing({ kind: 'edit', plan })}
          />
        ))}
      </div>
      {importing ? (
        <ImportPlansDialog
          onClose={() => setImporting(false)}
          onImported={(result) => {
            setImporting(false);
            setImported(result);
          }}
        />
      ) : null}
      {editing ? (
        <PlanEditor
          plan={editing.kind === 'edit' ? editing.plan : undefined}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </div>
  );
}
