/**
 * The overview's plan list: each plan's targets with that plan's last backup result in that
 * repository (its error as a tooltip when it failed), when the plan runs next there, and its last
 * restore test.
 */
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../src-main/model/history.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import type { UpcomingRunRow } from '../../../src-main/model/schedule.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatDateTime } from '../../lib/format.js';
import { upcomingFor, usePlansStore } from '../../stores/plans-store.js';
import { planTargetLatest } from '../history/history-list.js';
import { LastDrill } from '../drills/LastDrill.js';
import { lastRunText, nextRunText } from '../plans/plan-format.js';
import styles from './dashboard.module.css';
import { errorSentence } from '../../lib/error-info.js';

/** Props of {@link PlansSummary}. */
export interface PlansSummaryProps {
  readonly repos: readonly RepositorySummary[];
  /** The latest backup per repository, from the history store. */
  readonly latest: Readonly<Record<string, HistoryEntry | null>>;
  /** The latest backup per plan target (planTargetKey), from the history store. */
  readonly latestByPlan: Readonly<Record<string, HistoryEntry>>;
}

/** A compact table of plans (`aria-label="Plans"`); nothing when there are none. */
export function PlansSummary({ repos, latest, latestByPlan }: PlansSummaryProps) {
  const { t } = useTranslation('dashboard');
  const plans = usePlansStore((s) => s.plans);
  const upcoming = usePlansStore((s) => s.upcoming);
  const paused = usePlansStore((s) => s.paused);
  if (plans.length === 0) return null;
  return (
    <section className={`card ${styles.plansSummary}`} aria-labelledby="plans-summary-title">
      <header className="card-header">
        <h2 id="plans-summary-title" className="card-title">
          {t('plans.title')}
        </h2>
        {paused ? <span className="chip chip-warn">{t('plans.paused')}</span> : null}
      </header>
      <table className="table" aria-label={t('plans.table')}>
        <thead>
          <tr>
            <th scope="col">{t('plans.plan')}</th>
            <th scope="col">{t('plans.repository')}</th>
            <th scope="col">{t('plans.lastResult')}</th>
            <th scope="col">{t('plans.nextRun')}</th>
            <th scope="col">{t('plans.restoreTest')}</th>
          </tr>
        </thead>
        <tbody>
          {plans.flatMap((plan) =>
            plan.targets.map((target) => {
              const row = upcomingFor(upcoming, plan.id, target.repoId);
              const last = planTargetLatest(latestByPlan, latest, plan.id, target.repoId);
              const repoName = repos.find((r) => r.id === target.repoId)?.name;
              return (
                <tr key={`${plan.id}:${target.repoId}`}>
                  <th scope="row" translate="no">
                    {plan.name}
                  </th>
                  <td>
                    {repoName !== undefined ? (
                      <span translate="no">{repoName}</span>
                    ) : (
                      t('plans.removedRepository')
                    )}
                  </td>
                  <LastResultCell last={last} row={row} />
                  <td>
                    {target.schedule.kind === 'off' ? t('plans.notScheduled') : nextRunText(row, paused)}
                  </td>
                  <td className="plan-last-drill">
                    <LastDrill repoId={target.repoId} planId={plan.id} none={t('plans.notTested')} />
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </section>
  );
}

/** The plan target's last backup: its result and when it finished; a failure's message on hover. */
function LastResultCell({ last, row }: { last: HistoryEntry | undefined; row: UpcomingRunRow | undefined }) {
  if (last === undefined) return <td>{lastRunText(row)}</td>;
  const failure =
    last.status === 'failed' && last.error !== undefined ? errorSentence(last.error) : undefined;
  return (
    <td className="plan-last-result" title={failure}>
      <StatusBadge status={last.status} /> <span>{formatDateTime(last.finishedAt)}</span>
    </td>
  );
}
