/**
 * A running restore (or "Save a copy as…"): a progress bar with the percentage, bytes written of the
 * total, time left, the file being written, and the job's Cancel button.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../../src-main/model/job.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { StepMessage } from '../../components/StepMessage.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { formatBytes, formatClock, formatCount, formatDuration, truncateMiddle } from '../../lib/format.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import styles from './restore.module.css';
import { waitingText } from '../../lib/core-words/waiting.js';

/** Props of {@link RestoreProgress}. */
export interface RestoreProgressProps {
  readonly job: JobSnapshot;
}

/** Live progress of a restore job. */
export function RestoreProgress({ job }: RestoreProgressProps) {
  const { t } = useTranslation(['restore', 'common']);
  const cancelJob = useJobsStore((s) => s.cancelJob);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<ErrorInfo>();
  const progress = job.progress?.kind === 'step' ? job.progress : undefined;
  const percent = progress?.percent;

  const cancel = (): void => {
    setCancelling(true);
    setCancelError(undefined);
    cancelJob(job.id).catch((e: unknown) => {
      setCancelling(false);
      setCancelError(toErrorInfo(e, t('progress.cancelFailed')));
    });
  };

  // Queued behind its lane, or running while borg waits for a held lock (a Wait retry).
  const message =
    waitingText(job) ??
    (job.status === 'queued' ? (
      t('progress.waitingForRepository')
    ) : progress ? (
      <StepMessage step={progress} />
    ) : (
      t('progress.startingBorg')
    ));
  return (
    <div className={styles.restoreProgress}>
      <div className={styles.restoreProgressHead}>
        <div className={styles.restoreProgressTitle}>
          <StatusBadge status={job.status} />
          <span>{message}</span>
        </div>
        <Button variant="danger" icon="stop" size="small" onClick={cancel} busy={cancelling}>
          {t('common:actions.cancel')}
        </Button>
      </div>
      {cancelError ? <ErrorMessage error={cancelError} /> : null}
      <div
        className={styles.restoreProgressBar}
        role="status"
        aria-label={t('progress.label')}
        aria-live="polite"
      >
        {percent !== undefined ? (
          <>
            <div
              className="progress-bar"
              role="progressbar"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(percent)}
              aria-label={t('progress.restored')}
            >
              <span style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
            </div>
            <span className={`${styles.restorePercent} num`}>
              {t('progress.percent', { percent: formatCount(Math.floor(percent)) })}
            </span>
          </>
        ) : (
          <div className="progress-bar indeterminate" aria-hidden="true">
            <span />
          </div>
        )}
      </div>
      <dl className={styles.restoreFigures}>
        <div>
          <dt>{t('progress.written')}</dt>
          <dd className="num">
            {progress?.bytesDone !== undefined
              ? progress.bytesTotal !== undefined
                ? t('progress.ofTotal', {
                    done: formatBytes(progress.bytesDone),
                    total: formatBytes(progress.bytesTotal),
                  })
                : formatBytes(progress.bytesDone)
              : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('progress.timeLeft')}</dt>
          <dd className="num">
            {progress?.etaSeconds !== undefined
              ? t('progress.about', { duration: formatDuration(progress.etaSeconds) })
              : t('progress.estimating')}
          </dd>
        </div>
        <div>
          <dt>{t('progress.elapsed')}</dt>
          <dd className="num">{progress ? formatClock(progress.elapsedMs) : '0:00'}</dd>
        </div>
      </dl>
      <p className="current-path" title={progress?.currentPath} translate="no">
        <span className="current-path-label" translate="yes">
          {t('progress.currentFile')}
        </span>
        <code>{progress?.currentPath ? truncateMiddle(progress.currentPath, 90) : '—'}</code>
      </p>
    </div>
  );
}
