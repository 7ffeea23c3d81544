/**
 * The card for a repository's current backup: live counters, percent and time left (with an
 * estimate), a stall note, current file, rate, elapsed time, the transfer graph and a Cancel button
 * while it runs; the result summary once it has finished.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../../src-main/model/job.js';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { formatClock, formatCount, formatRate, truncateMiddle } from '../../lib/format.js';
import { isFinal } from '../../stores/job-events.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { JobResult } from './JobResult.js';
import { TransferChart } from './TransferChart.js';
import { BackupEstimate } from './BackupEstimate.js';
import { Counter } from '../../components/Counter.js';
import { StepMessage } from '../../components/StepMessage.js';
import styles from './jobs.module.css';
import { jobTitleText } from '../../lib/core-words/job-title.js';
import { waitingText } from '../../lib/core-words/waiting.js';

/** Props of {@link JobProgress}. */
export interface JobProgressProps {
  readonly job: JobSnapshot;
}

/** Live progress of a job, or its result when it is over. */
export function JobProgress({ job }: JobProgressProps) {
  const { t } = useTranslation(['jobs', 'common']);
  const cancelJob = useJobsStore((s) => s.cancelJob);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<ErrorInfo>();
  // A plan's backup runs its failure hooks after a cancel; a little later a second click may stop them.
  const hooked = job.kind === 'backup' && job.planId !== undefined;
  const [stopOffered, setStopOffered] = useState(false);
  useEffect(() => {
    if (!cancelling || !hooked) return undefined;
    const timer = setTimeout(() => setStopOffered(true), 3000);
    return () => clearTimeout(timer);
  }, [cancelling, hooked]);

  if (isFinal(job.status)) return <JobResult job={job} />;

  const cancel = (): void => {
    setCancelling(true);
    setCancelError(undefined);
    cancelJob(job.id).catch((e: unknown) => {
      setCancelling(false);
      setCancelError(toErrorInfo(e, t('progress.cancelFailed')));
    });
  };

  const progress = job.progress;
  return (
    <section className="card job-card" aria-labelledby={`job-${job.id}-title`}>
      <header className={styles.jobCardHeader}>
        <div>
          <h3 id={`job-${job.id}-title`} className="card-title">
            {jobTitleText(job)}
          </h3>
          <p className="card-subtitle">
            {/* Queued behind its lane, or running while borg waits for a held lock (a Wait retry). */}
            {job.waitingFor !== undefined ? (
              waitingText(job)
            ) : job.status === 'queued' ? (
              t('progress.waitingForRepository')
            ) : progress?.kind === 'step' ? (
              <StepMessage step={progress} />
            ) : (
              t('progress.reading')
            )}
          </p>
        </div>
        <div className={styles.jobCardActions}>
          <StatusBadge status={job.status} />
          {stopOffered ? (
            <Button
              variant="danger"
              icon="stop"
              title={t('progress.stopNowTitle')}
              onClick={() => void cancelJob(job.id).catch(() => undefined)}
            >
              {t('progress.stopNow')}
            </Button>
          ) : (
            <Button variant="danger" icon="stop" onClick={cancel} busy={cancelling}>
              {t('common:actions.cancel')}
            </Button>
          )}
        </div>
      </header>
      {cancelError ? <ErrorMessage error={cancelError} /> : null}
      {progress?.kind === 'backup' ? (
        <>
          <dl className="counters" role="status" aria-live="polite" aria-label={t('progress.label')}>
            <Counter label={t('counters.files')}>{formatCount(progress.fileCount)}</Counter>
            <Counter label={t('counters.original')}>
              <ByteSize bytes={progress.originalSize} />
            </Counter>
            <Counter label={t('counters.compressed')}>
              <ByteSize bytes={progress.compressedSize} />
            </Counter>
            <Counter label={t('counters.deduplicated')}>
              <ByteSize bytes={progress.deduplicatedSize} />
            </Counter>
            <Counter label={t('counters.rate')}>{formatRate(progress.bytesPerSecond)}</Counter>
            <Counter label={t('counters.elapsed')}>{formatClock(progress.elapsedMs)}</Counter>
          </dl>
          <BackupEstimate progress={progress} />
          <p className="current-path" title={progress.currentPath} translate="no">
            <span className="current-path-label" translate="yes">
              {t('progress.currentFile')}
            </span>
            <code>{progress.currentPath ? truncateMiddle(progress.currentPath, 90) : '—'}</code>
          </p>
        </>
      ) : (
        <div className={styles.stepProgress} role="status" aria-live="polite">
          {progress?.kind === 'step' && progress.percent !== undefined ? (
            <div className="progress-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, Math.max(0, progress.percent))}%` }} />
            </div>
          ) : (
            <div className="progress-bar indeterminate" aria-hidden="true">
              <span />
            </div>
          )}
          <span className="muted">
            {progress
              ? t('progress.elapsedClock', { time: formatClock(progress.elapsedMs) })
              : job.status === 'queued'
                ? t('progress.queued')
                : t('progress.starting')}
          </span>
        </div>
      )}
      {job.kind === 'backup' ? <TransferChart jobId={job.id} /> : null}
    </section>
  );
}
