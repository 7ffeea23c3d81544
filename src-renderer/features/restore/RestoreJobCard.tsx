/**
 * A slim strip for the newest restore of a repository while it runs in the background (after its
 * dialog was closed) and for its result until dismissed: progress with Cancel, then the outcome in
 * one line with the folder, Open folder, Show log and Dismiss.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../../src-main/model/job.js';
import { Button } from '../../components/Button.js';
import { CopyButton } from '../../components/CopyButton.js';
import { Icon } from '../../components/Icon.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { StepMessage } from '../../components/StepMessage.js';
import { formatBytes, formatCount, formatDuration } from '../../lib/format.js';
import { useAppStore } from '../../stores/app-store.js';
import { isFinal, latestJobFor } from '../../stores/job-events.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { OpenFolderButton } from './OpenFolderButton.js';
import styles from './restore.module.css';
import { jobTitleText } from '../../lib/core-words/job-title.js';

/** Props of {@link RestoreJobCard}. */
export interface RestoreJobCardProps {
  readonly repoId: string;
}

/** The strip for the newest restore job of `repoId`, if it is worth showing. */
export function RestoreJobCard({ repoId }: RestoreJobCardProps) {
  const { t } = useTranslation('restore');
  const job = useJobsStore((s) => latestJobFor(s, repoId, ['restore']));
  const dismissed = useJobsStore((s) => (job ? s.dismissed[job.id] === true : true));
  const dismissJob = useJobsStore((s) => s.dismissJob);
  const openLog = useAppStore((s) => s.setLogPanelOpen);
  if (!job || dismissed) return null;
  return (
    <section className={`card ${styles.restoreStrip} result-${job.status}`} aria-label={jobTitleText(job)}>
      {isFinal(job.status) ? <Outcome job={job} /> : <Running job={job} />}
      <div className={styles.restoreStripActions}>
        <Button size="small" variant="ghost" icon="terminal" onClick={() => openLog(true)}>
          {t('outcome.showLog')}
        </Button>
        {isFinal(job.status) ? (
          <Button size="small" variant="ghost" onClick={() => dismissJob(job.id)}>
            {t('outcome.dismiss')}
          </Button>
        ) : (
          <CancelButton jobId={job.id} />
        )}
      </div>
    </section>
  );
}

function CancelButton({ jobId }: { readonly jobId: string }) {
  const { t } = useTranslation('common');
  const cancelJob = useJobsStore((s) => s.cancelJob);
  const [cancelling, setCancelling] = useState(false);
  return (
    <Button
      variant="danger"
      size="small"
      icon="stop"
      busy={cancelling}
      onClick={() => {
        setCancelling(true);
        cancelJob(jobId).catch(() => setCancelling(false));
      }}
    >
      {t('actions.cancel')}
    </Button>
  );
}

function Running({ job }: { readonly job: JobSnapshot }) {
  const { t } = useTranslation('restore');
  const progress = job.progress?.kind === 'step' ? job.progress : undefined;
  const percent = progress?.percent;
  const figures = [
    percent !== undefined ? t('progress.percent', { percent: formatCount(Math.floor(percent)) }) : undefined,
    progress?.bytesDone !== undefined && progress.bytesTotal !== undefined
      ? t('progress.ofTotal', {
          done: formatBytes(progress.bytesDone),
          total: formatBytes(progress.bytesTotal),
        })
      : undefined,
    progress?.etaSeconds !== undefined
      ? t('progress.aboutLeft', { duration: formatDuration(progress.etaSeconds) })
      : undefined,
  ].filter(Boolean);
  return (
    <div className={styles.restoreStripMain}>
      <div className={styles.restoreStripLine}>
        <StatusBadge status={job.status} />
        <strong>{jobTitleText(job)}</strong>
        <span className="muted num">
          {figures.join(' · ') || (progress ? <StepMessage step={progress} /> : t('progress.starting'))}
        </span>
      </div>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={t('progress.restored')}
        aria-valuenow={percent ?? undefined}
      >
        <span style={{ width: `${Math.min(100, Math.max(0, percent ?? 0))}%` }} />
      </div>
    </div>
  );
}

function Outcome({ job }: { readonly job: JobSnapshot }) {
  const { t } = useTranslation('restore');
  const result = job.restoreResult;
  const ok = job.status === 'succeeded' || job.status === 'warning';
  const verdict = ok
    ? job.status === 'warning'
      ? t('verdict.warning')
      : t('verdict.succeeded')
    : job.status === 'cancelled'
      ? t('verdict.cancelled')
      : t('verdict.failed');
  return (
    <div className={styles.restoreStripMain}>
      <div className={styles.restoreStripLine}>
        <span className="result-icon">
          <Icon name={ok ? (job.status === 'warning' ? 'alert' : 'check') : 'alert'} size={16} />
        </span>
        <strong>{verdict}</strong>
        <span className="muted">
          {result
            ? `${t('outcome.summary', {
                count: result.fileCount,
                formatted: formatCount(result.fileCount),
                size: formatBytes(result.totalBytes),
              })}${
                result.skippedCount > 0
                  ? t('outcome.summarySkipped', { formatted: formatCount(result.skippedCount) })
                  : ''
              }`
            : (job.error?.message ?? jobTitleText(job))}
        </span>
      </div>
      {result && result.targetDir !== '/' ? (
        <div className={styles.restoreTarget}>
          <code title={result.targetDir} translate="no">
            {result.targetDir}
          </code>
          <CopyButton text={result.targetDir} label={t('outcome.copyFolder')} />
          <OpenFolderButton path={result.targetDir} size="small" variant="ghost" />
        </div>
      ) : null}
    </div>
  );
}
