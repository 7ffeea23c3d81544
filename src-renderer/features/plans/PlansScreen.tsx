/**
 * The Plans screen: every backup plan with its targets and schedules, "New plan", the switch
 * that pauses all schedules at once, and moving plans: "Export plans…" and "Import…".
 */
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('plans');
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
    fallback: t('screen.exportFailed'),
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
      setError(toErrorInfo(e, t('screen.pauseFailed')));
    } finally {
      setToggling(false);
    }
  };

  const sorted = [...plans].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className={styles.plansScreen}>
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('screen.title')}</h1>
          <p className="page-subtitle">{t('screen.subtitle')}</p>
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
            <span>{t('screen.pauseAll')}</span>
          </label>
          <Button
            icon="save"
            onClick={() => exportPlans.run({})}
            busy={exportPlans.pending}
            disabled={plans.length === 0}
            title={t('screen.exportTitle')}
          >
            {t('screen.exportPlans')}
          </Button>
          <Button icon="download" onClick={() => setImporting(true)}>
            {t('screen.import')}
          </Button>
          <Button
            variant="primary"
            icon="plus"
            onClick={() => setEditing({ kind: 'new' })}
            disabled={repos.length === 0}
            title={repos.length === 0 ? t('screen.addRepositoryFirst') : undefined}
          >
            {t('screen.newPlan')}
          </Button>
        </div>
      </header>
      {paused ? (
        <p className={`callout ${styles.plansPaused}`} role="status">
          {t('screen.paused')}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {exportPlans.error ? <ErrorMessage error={exportPlans.error} /> : null}
      {imported ? (
        <p className="callout" role="status">
          {t('screen.imported', { names: imported.plans.map((p) => p.name).join(', ') })}
          {imported.repositoriesAdded > 0 ? ` ${t('screen.importedLocked')}` : ''}
        </p>
      ) : null}
      {loadError ? <ErrorMessage error={loadError} title={t('screen.loadFailed')} /> : null}
      {loaded && sorted.length === 0 && !loadError ? (
        <EmptyState icon="clock" title={t('screen.emptyTitle')}>
          <Trans t={t} i18nKey="screen.emptyBody" components={{ strong: <strong /> }} />
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
