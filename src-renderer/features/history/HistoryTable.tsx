/**
 * The job history as a table, newest first: kind (with the plan it ran for), repository, trigger,
 * result, start, duration, the key numbers or the error, and a button that opens the entry's log.
 */
import type { HistoryEntry } from '../../../src-main/model/history.js';
import { Icon } from '../../components/Icon.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatDateTime, formatDuration, formatRelative } from '../../lib/format.js';
import { formatShortDateTime, kindIcon, kindLabel, statsSummary, triggerLabel } from './history-format.js';
import styles from './history.module.css';
import { errorSentence, wordError } from '../../lib/error-info.js';

/** Props of {@link HistoryTable}. */
export interface HistoryTableProps {
  readonly entries: readonly HistoryEntry[];
  readonly onOpen: (entry: HistoryEntry) => void;
  /** Plan names by plan id, for entries that ran for a plan. */
  readonly planNames: ReadonlyMap<string, string>;
}

/** The history table. */
export function HistoryTable({ entries, onOpen, planNames }: HistoryTableProps) {
  return (
    <div className="table-wrap">
      <table className={`table ${styles.historyTable}`} aria-label="Job history">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Repository</th>
            <th scope="col">Trigger</th>
            <th scope="col">Result</th>
            <th scope="col">Started</th>
            <th scope="col" className="right">
              Duration
            </th>
            <th scope="col">Details</th>
            <th scope="col">
              <span className="visually-hidden">Log</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <HistoryRow
              key={entry.id}
              entry={entry}
              onOpen={onOpen}
              planName={entry.planId === undefined ? undefined : planNameOf(planNames, entry.planId)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

// A plan deleted since still explains where the job came from, just not by name.
function planNameOf(planNames: ReadonlyMap<string, string>, planId: string): string {
  return planNames.get(planId) ?? 'Deleted plan';
}

function HistoryRow({
  entry,
  onOpen,
  planName,
}: {
  readonly entry: HistoryEntry;
  readonly onOpen: HistoryTableProps['onOpen'];
  readonly planName: string | undefined;
}) {
  const stats = statsSummary(entry);
  return (
    // A click anywhere on the row is a mouse shortcut; the row's button is the keyboard way in.
    <tr className={styles.historyRow} data-status={entry.status} onClick={() => onOpen(entry)}>
      <td>
        <span className={`${styles.historyKind} ${styles[`history-kind-${entry.kind}`]}`}>
          <span className={styles.historyKindIcon}>
            <Icon name={kindIcon(entry.kind)} size={14} />
          </span>
          <span className={styles.historyKindText}>
            {kindLabel(entry.kind)}
            {planName !== undefined ? (
              <span className={styles.historyPlan} title={`Plan: ${planName}`}>
                {planName}
              </span>
            ) : null}
          </span>
        </span>
      </td>
      <td className={styles.historyRepo} title={entry.repoName}>
        {entry.repoName}
      </td>
      <td>
        <span className={`${styles.historyTrigger} ${styles[`history-trigger-${entry.trigger}`]}`}>
          <Icon name={entry.trigger === 'schedule' ? 'clock' : 'terminal'} size={12} />
          {triggerLabel(entry.trigger)}
        </span>
      </td>
      <td>
        <StatusBadge status={entry.status} />
      </td>
      <td>
        <time
          dateTime={entry.startedAt}
          title={`${formatDateTime(entry.startedAt)} (${formatRelative(entry.startedAt)})`}
        >
          {formatShortDateTime(entry.startedAt)}
        </time>
      </td>
      <td className="right num">{formatDuration(entry.durationMs / 1000)}</td>
      <td className={styles.historyDetails}>
        {entry.error ? (
          <span className={styles.historyError} title={errorSentence(entry.error)}>
            {wordError(entry.error).message}
          </span>
        ) : stats.length > 0 ? (
          <span className={styles.historyStats}>
            {stats.map((part) => (
              <span key={part}>{part}</span>
            ))}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="row-actions">
        <button
          type="button"
          className={styles.historyLogButton}
          onClick={(event) => {
            event.stopPropagation();
            onOpen(entry);
          }}
        >
          View log
        </button>
      </td>
    </tr>
  );
}
