/**
 * The kept log of one history entry in a dialog: what the job was, how it ended, and borg's lines
 * coloured by level (the same look as the live log panel).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../src-main/model/history.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatCount, formatDateTime, formatDuration } from '../../lib/format.js';
import { useHistoryStore } from '../../stores/history-store.js';
import { kindLabel, statsSummary, triggerLabel } from './history-format.js';
import { LogLines } from '../jobs/LogLines.js';
import styles from './history.module.css';

/** Props of {@link HistoryLogDialog}. */
export interface HistoryLogDialogProps {
  readonly entry: HistoryEntry;
  readonly onClose: () => void;
}

// A stored log can be long; the DOM stays fast with the newest lines, as in the live panel.
const RENDER_LIMIT = 2000;

/** A dialog with one entry's log. */
export function HistoryLogDialog({ entry, onClose }: HistoryLogDialogProps) {
  const { t } = useTranslation(['history', 'common']);
  const log = useHistoryStore((s) => s.logs[entry.id]);
  const loadLog = useHistoryStore((s) => s.loadLog);
  useEffect(() => {
    void loadLog(entry.id);
  }, [entry.id, loadLog]);

  const lines = log?.lines ?? [];
  const stats = statsSummary(entry);
  return (
    <Dialog
      title={t('log.title', { kind: kindLabel(entry.kind), repository: entry.repoName })}
      description={t('log.description', {
        trigger: triggerLabel(entry.trigger),
        started: formatDateTime(entry.startedAt),
        duration: formatDuration(entry.durationMs / 1000),
      })}
      size="large"
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          {t('common:actions.close')}
        </Button>
      }
    >
      <div className={styles.historyLogSummary}>
        <StatusBadge status={entry.status} />
        {stats.length > 0 ? <span className={styles.historyStats}>{stats.join(' · ')}</span> : null}
        {entry.stats?.archiveName ? (
          <code className={styles.historyArchive} translate="no">
            {entry.stats.archiveName}
          </code>
        ) : null}
      </div>
      {entry.error ? (
        <ErrorMessage
          error={entry.error}
          title={entry.status === 'interrupted' ? t('log.interrupted') : t('log.failed')}
        />
      ) : null}
      {log?.error ? <ErrorMessage error={log.error} title={t('log.loadFailed')} /> : null}
      <div
        className={`log-lines ${styles.historyLogLines}`}
        role="log"
        aria-label={t('log.label')}
        tabIndex={0}
      >
        {!log || log.loading ? (
          <p className="log-empty">{t('log.loading')}</p>
        ) : lines.length === 0 ? (
          <p className="log-empty">{t('log.noMessages')}</p>
        ) : (
          <>
            {lines.length > RENDER_LIMIT ? (
              <p className="log-empty">
                {t('log.newest', { shown: formatCount(RENDER_LIMIT), total: formatCount(lines.length) })}
              </p>
            ) : null}
            <LogLines lines={lines.slice(-RENDER_LIMIT)} />
          </>
        )}
      </div>
    </Dialog>
  );
}
