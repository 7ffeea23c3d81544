/**
 * The overview's plan list: each plan's targets with the last backup's result in that repository
 * and when the plan runs next there.
 */
import type { HistoryEntry, RepositorySummary } from '../../../src-main/ipc/contract.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { upcomingFor, usePlansStore } from '../../stores/plans-store.js';
import { lastRunText, nextRunText } from '../plans/plan-format.js';

/** Props of {@link PlansSummary}. */
export interface PlansSummaryProps {
  readonly repos: readonly RepositorySummary[];
  /** The latest backup per repository, from the history store. */
  readonly latest: Readonly<Record<string, HistoryEntry | null>>;
}

/** A compact table of plans (`aria-label="Plans"`); nothing when there are none. */
export function PlansSummary({ repos, latest }: PlansSummaryProps) {
  const plans = usePlansStore((s) => s.plans);
  const upcoming = usePlansStore((s) => s.upcoming);
  const paused = usePlansStore((s) => s.paused);
  if (plans.length === 0) return null;
  return (
    <section className="card plans-summary" aria-labelledby="plans-summary-title">
      <header className="card-header">
        <h2 id="plans-summary-title" className="card-title">
          Plans
        </h2>
        {paused ? <span className="chip chip-warn">Schedules paused</span> : null}
      </header>
      <table className="table" aria-label="Plans">
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Repository</th>
            <th scope="col">Last result</th>
            <th scope="col">Next run</th>
          </tr>
        </thead>
        <tbody>
          {plans.flatMap((plan) =>
            plan.targets.map((target) => {
              const row = upcomingFor(upcoming, plan.id, target.repoId);
              const last = latest[target.repoId];
              return (
                <tr key={`${plan.id}:${target.repoId}`}>
                  <th scope="row">{plan.name}</th>
                  <td>{repos.find((r) => r.id === target.repoId)?.name ?? 'Removed repository'}</td>
                  <td>
                    {last ? <StatusBadge status={last.status} /> : null} <span>{lastRunText(row)}</span>
                  </td>
                  <td>{target.schedule.kind === 'off' ? 'Not scheduled' : nextRunText(row, paused)}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </section>
  );
}
