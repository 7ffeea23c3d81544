/**
 * The job history as a table, newest first: kind (with the plan it ran for), repository, trigger,
 * result, start, duration, the key numbers or the error, and a button that opens the entry's log.
 */
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('history');
  return (
    <div className="table-wrap">
      <table className={`table ${styles.historyTable}`} aria-label={t('table.label')}>
        <thead>
          <tr>
            <th scope="col">{t('table.job')}</th>
            <th scope="col">{t('table.repository')}</th>
            <th scope="col">{t('table.trigger')}</th>
            <th scope="col">{t('table.result')}</th>
            <th scope="col">{t('table.started')}</th>
            <th scope="col" className="right">
              {t('table.duration')}
            </th>
            <th scope="col">{t('table.details')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('table.log')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <HistoryRow
              key={entry.id}
              entry={entry}
              onOpen={onOpen}
              planName={entry.planId === undefined ? undefined : planNames.get(entry.planId)}
              fromPlan={entry.planId !== undefined}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HistoryRow({
  entry,
  onOpen,
  planName,
  fromPlan,
}: {
  readonly entry: HistoryEntry;
  readonly onOpen: HistoryTableProps['onOpen'];
  /** The plan's name; undefined for a plan deleted since (or a job that ran for none). */
  readonly planName: string | undefined;
  readonly fromPlan: boolean;
}) {
  const { t } = useTranslation('history');
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
              <span className={styles.historyPlan} title={t('table.planTitle', { name: planName })}>
                <span translate="no">{planName}</span>
              </span>
            ) : fromPlan ? (
              // A plan deleted since still explains where the job came from, just not by name.
              <span className={styles.historyPlan}>{t('table.deletedPlan')}</span>
            ) : null}
          </span>
        </span>
      </td>
      <td className={styles.historyRepo} title={entry.repoName} translate="no">
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
          title={t('table.startedTitle', {
            dateTime: formatDateTime(entry.startedAt),
            relative: formatRelative(entry.startedAt),
          })}
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
          {t('table.viewLog')}
        </button>
      </td>
    </tr>
  );
}
