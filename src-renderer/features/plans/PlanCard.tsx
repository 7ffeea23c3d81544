/**
 * One plan on the Plans screen: its sources, and each target repository (by name and location, so
 * nobody backs up to the wrong one) with its schedule, last run and next run; Run now, Edit, Delete.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { formatCount } from '../../lib/format.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { isRemoteLocation, tildify } from '../../lib/paths.js';
import { upcomingFor, usePlansStore, type StoredPlan } from '../../stores/plans-store.js';
import { LastDrill } from '../drills/LastDrill.js';
import { TestRestoreButton } from '../drills/TestRestoreButton.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { describeHooks } from './hook-form.js';
import { MonitoringStatus } from './MonitoringStatus.js';
import { lastRunText, nextRunText } from './plan-format.js';
import styles from './plans.module.css';
import { retentionText, scheduleText } from '../../lib/core-words/schedule.js';

/** Props of {@link PlanCard}. */
export interface PlanCardProps {
  readonly plan: StoredPlan;
  readonly repos: readonly RepositorySummary[];
  readonly homeDir?: string;
  readonly onEdit: () => void;
}

/** A plan as a card (`article` named by the plan). */
export function PlanCard({ plan, repos, homeDir, onEdit }: PlanCardProps) {
  const { t } = useTranslation('plans');
  const upcoming = usePlansStore((s) => s.upcoming);
  const paused = usePlansStore((s) => s.paused);
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<ErrorInfo>();
  const titleId = `plan-${plan.id}`;
  const hooks = describeHooks(plan);

  const runNow = async (): Promise<void> => {
    setRunning(true);
    setError(undefined);
    try {
      const jobIds = await usePlansStore.getState().runNow(plan.id);
      setNotice(t('card.started', { count: jobIds.length, n: formatCount(jobIds.length) }));
    } catch (e) {
      setError(toErrorInfo(e, t('card.startFailed')));
    } finally {
      setRunning(false);
    }
  };

  return (
    <article className={`card ${styles.planCard}`} aria-labelledby={titleId}>
      <header className={styles.planCardHeader}>
        <h2 id={titleId} className="card-title" translate="no">
          {plan.name}
        </h2>
        <div className={styles.planCardActions}>
          <Button size="small" variant="primary" icon="upload" busy={running} onClick={() => void runNow()}>
            {t('card.runNow')}
          </Button>
          <Button size="small" onClick={onEdit} aria-label={t('card.editAria', { name: plan.name })}>
            {t('card.edit')}
          </Button>
          <Button
            size="small"
            variant="ghost"
            icon="trash"
            onClick={() => setConfirming(true)}
            aria-label={t('card.deleteAria', { name: plan.name })}
          >
            {t('card.delete')}
          </Button>
        </div>
      </header>
      <p className={styles.planSources}>
        <Icon name="folder" size={14} />
        <span translate="no">{plan.sourcePaths.map((p) => tildify(p, homeDir)).join(', ')}</span>
      </p>
      {plan.targets.length === 0 ? (
        // Its repository was removed from Borgdesk: an empty table would say nothing, so say what to do.
        <EmptyState
          compact
          icon="archive"
          title={t('card.noDestination')}
          action={
            <Button size="small" icon="plus" onClick={onEdit}>
              {t('card.addDestination')}
            </Button>
          }
        >
          <p>{t('card.noDestinationBody')}</p>
        </EmptyState>
      ) : (
        <table
          className={`table ${styles.planTargets}`}
          aria-label={t('card.targetsAria', { name: plan.name })}
        >
          <thead>
            <tr>
              <th scope="col">{t('card.columnRepository')}</th>
              <th scope="col">{t('card.columnSchedule')}</th>
              <th scope="col">{t('card.columnLastRun')}</th>
              <th scope="col">{t('card.columnNextRun')}</th>
              <th scope="col">{t('card.columnRestoreTest')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.targets.map((target) => {
              const repo = repos.find((r) => r.id === target.repoId);
              const row = upcomingFor(upcoming, plan.id, target.repoId);
              return (
                <tr key={target.repoId}>
                  <th scope="row">
                    <span className={styles.planRepo}>
                      <Icon name={repo && isRemoteLocation(repo.location) ? 'server' : 'archive'} size={14} />
                      {repo ? (
                        <span className={styles.planRepoName} translate="no">
                          {repo.name}
                        </span>
                      ) : (
                        <span className={styles.planRepoName}>{t('card.removedRepository')}</span>
                      )}
                    </span>
                    <code className={styles.planRepoLocation} title={repo?.location} translate="no">
                      {repo?.location ?? target.repoId}
                    </code>
                  </th>
                  <td className={styles.planSchedule}>{scheduleText(target.schedule)}</td>
                  <td>{lastRunText(row)}</td>
                  <td>{target.schedule.kind === 'off' ? '—' : nextRunText(row, paused)}</td>
                  <td className={styles.planDrill}>
                    <TestRestoreButton
                      repoId={target.repoId}
                      planId={plan.id}
                      subject={t('card.drillSubject', {
                        plan: plan.name,
                        repository: repo?.name ?? t('card.theRemovedRepository'),
                      })}
                    />
                    <LastDrill repoId={target.repoId} planId={plan.id} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className={`muted ${styles.planRetention}`}>
        {t('card.retention', { description: retentionText(plan.retention) })}
      </p>
      {hooks !== undefined ? (
        <p className={`muted ${styles.planRetention}`}>{t('card.commands', { hooks })}</p>
      ) : null}
      <MonitoringStatus plan={plan} />
      {notice ? (
        <p className={styles.planNotice} role="status">
          {notice}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {confirming ? (
        <ConfirmDialog
          title={t('card.deleteTitle', { name: plan.name })}
          confirmLabel={t('card.deletePlan')}
          onConfirm={() => usePlansStore.getState().remove(plan.id)}
          onClose={() => setConfirming(false)}
        >
          <p>{t('card.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
