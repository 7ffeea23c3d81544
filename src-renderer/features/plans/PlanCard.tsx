/**
 * One plan on the Plans screen: its sources, and each target repository (by name and location, so
 * nobody backs up to the wrong one) with its schedule, last run and next run; Run now, Edit, Delete.
 */
import { useState } from 'react';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
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
      setNotice(jobIds.length === 1 ? 'Backup started.' : `${jobIds.length} backups started.`);
    } catch (e) {
      setError(toErrorInfo(e, 'The backup could not be started.'));
    } finally {
      setRunning(false);
    }
  };

  return (
    <article className={`card ${styles.planCard}`} aria-labelledby={titleId}>
      <header className={styles.planCardHeader}>
        <h2 id={titleId} className="card-title">
          {plan.name}
        </h2>
        <div className={styles.planCardActions}>
          <Button size="small" variant="primary" icon="upload" busy={running} onClick={() => void runNow()}>
            Run now
          </Button>
          <Button size="small" onClick={onEdit} aria-label={`Edit ${plan.name}`}>
            Edit
          </Button>
          <Button
            size="small"
            variant="ghost"
            icon="trash"
            onClick={() => setConfirming(true)}
            aria-label={`Delete ${plan.name}`}
          >
            Delete
          </Button>
        </div>
      </header>
      <p className={styles.planSources}>
        <Icon name="folder" size={14} />
        <span>{plan.sourcePaths.map((p) => tildify(p, homeDir)).join(', ')}</span>
      </p>
      {plan.targets.length === 0 ? (
        // Its repository was removed from Borgdesk: an empty table would say nothing, so say what to do.
        <EmptyState
          compact
          icon="archive"
          title="No destination yet"
          action={
            <Button size="small" icon="plus" onClick={onEdit}>
              Add destination
            </Button>
          }
        >
          <p>This plan backs up nowhere until you choose a repository for it.</p>
        </EmptyState>
      ) : (
        <table className={`table ${styles.planTargets}`} aria-label={`Targets of ${plan.name}`}>
          <thead>
            <tr>
              <th scope="col">Repository</th>
              <th scope="col">Schedule</th>
              <th scope="col">Last run</th>
              <th scope="col">Next run</th>
              <th scope="col">Restore test</th>
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
                      <span className={styles.planRepoName}>{repo?.name ?? 'Removed repository'}</span>
                    </span>
                    <code className={styles.planRepoLocation}>{repo?.location ?? target.repoId}</code>
                  </th>
                  <td className={styles.planSchedule}>{scheduleText(target.schedule)}</td>
                  <td>{lastRunText(row)}</td>
                  <td>{target.schedule.kind === 'off' ? '—' : nextRunText(row, paused)}</td>
                  <td className={styles.planDrill}>
                    <TestRestoreButton
                      repoId={target.repoId}
                      planId={plan.id}
                      subject={`${plan.name} to ${repo?.name ?? 'the removed repository'}`}
                    />
                    <LastDrill repoId={target.repoId} planId={plan.id} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className={`muted ${styles.planRetention}`}>Retention: {retentionText(plan.retention)}</p>
      {hooks !== undefined ? <p className={`muted ${styles.planRetention}`}>Commands: {hooks}</p> : null}
      <MonitoringStatus plan={plan} />
      {notice ? (
        <p className={styles.planNotice} role="status">
          {notice}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {confirming ? (
        <ConfirmDialog
          title={`Delete the plan “${plan.name}”?`}
          confirmLabel="Delete plan"
          onConfirm={() => usePlansStore.getState().remove(plan.id)}
          onClose={() => setConfirming(false)}
        >
          <p>
            Its schedules stop. Archives it already made stay in their repositories until you delete them.
          </p>
        </ConfirmDialog>
      ) : null}
    </article>
  );
}
