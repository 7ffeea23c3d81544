/**
 * The kept log of one history entry in a dialog: what the job was, how it ended, and borg's lines
 * coloured by level (the same look as the live log panel).
 */
import { useEffect } from 'react';
import type { HistoryEntry } from '../../../src-main/model/history.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatDateTime, formatDuration } from '../../lib/format.js';
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
  const log = useHistoryStore((s) => s.logs[entry.id]);
  const loadLog = useHistoryStore((s) => s.loadLog);
  useEffect(() => {
    void loadLog(entry.id);
  }, [entry.id, loadLog]);

  const lines = log?.lines ?? [];
  const stats = statsSummary(entry);
  return (
    <Dialog
      title={`${kindLabel(entry.kind)} log — ${entry.repoName}`}
      description={`${triggerLabel(entry.trigger)} · started ${formatDateTime(entry.startedAt)} · took ${formatDuration(entry.durationMs / 1000)}`}
      size="large"
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      }
    >
      <div className={styles.historyLogSummary}>
        <StatusBadge status={entry.status} />
        {stats.length > 0 ? <span className={styles.historyStats}>{stats.join(' · ')}</span> : null}
        {entry.stats?.archiveName ? (
          <code className={styles.historyArchive}>{entry.stats.archiveName}</code>
        ) : null}
      </div>
      {entry.error ? (
        <ErrorMessage
          error={entry.error}
          title={entry.status === 'interrupted' ? 'The job was interrupted' : 'The job failed'}
        />
      ) : null}
      {log?.error ? <ErrorMessage error={log.error} title="The log could not be loaded" /> : null}
      <div className={`log-lines ${styles.historyLogLines}`} role="log" aria-label="Job log" tabIndex={0}>
        {!log || log.loading ? (
          <p className="log-empty">Loading the log…</p>
        ) : lines.length === 0 ? (
          <p className="log-empty">Borg reported no messages for this job.</p>
        ) : (
          <>
            {lines.length > RENDER_LIMIT ? (
              <p className="log-empty">
                Showing the newest {RENDER_LIMIT} of {lines.length} lines.
              </p>
            ) : null}
            <LogLines lines={lines.slice(-RENDER_LIMIT)} />
          </>
        )}
      </div>
    </Dialog>
  );
}
