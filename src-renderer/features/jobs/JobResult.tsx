/**
 * The summary of a finished job: a clear verdict (succeeded, warnings, failed, cancelled), the new
 * archive's figures, warnings, and for a failure the message with what to do. Never a stack trace.
 */
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../../src-main/model/job.js';
import { LOCK_ERROR_CODES } from '../../../src-main/model/lock.js';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { WarningList } from '../../components/WarningList.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatCount, formatDuration, parseDate } from '../../lib/format.js';
import { useAppStore } from '../../stores/app-store.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { LockHelp } from './LockHelp.js';
import { ResultHeading, verdictOf } from './ResultHeading.js';
import { QuestionList } from '../questions/QuestionNotice.js';
import { TransferChart } from './TransferChart.js';
import { JobSpaceNote } from '../repositories/JobSpaceNote.js';
import { Counter } from '../../components/Counter.js';
import styles from './jobs.module.css';
import { jobTitleText } from '../../lib/core-words/job-title.js';

/** Props of {@link JobResult}. */
export interface JobResultProps {
  readonly job: JobSnapshot;
}

function elapsedSeconds(job: JobSnapshot): number | undefined {
  const fromResult = job.result?.archive.durationSeconds;
  if (fromResult !== undefined) return fromResult;
  const start = job.startedAt ? parseDate(job.startedAt) : undefined;
  const end = job.finishedAt ? parseDate(job.finishedAt) : undefined;
  return start && end ? (end.getTime() - start.getTime()) / 1000 : undefined;
}

/** The result card of a finished job. */
export function JobResult({ job }: JobResultProps) {
  const { t } = useTranslation('jobs');
  const dismissJob = useJobsStore((s) => s.dismissJob);
  const hasSamples = useJobsStore((s) => (s.samples[job.id]?.size ?? 0) > 1);
  const openLog = useAppStore((s) => s.setLogPanelOpen);
  const verdict = verdictOf(job.status, (v) => t(`result.${v}`), jobTitleText(job));
  const archive = job.result?.archive;
  const warnings = job.result?.warnings ?? [];
  const moreWarnings = job.result?.moreWarnings ?? 0;
  const duration = elapsedSeconds(job);
  const lockFailure = job.status === 'failed' && LOCK_ERROR_CODES.has(job.error?.code ?? '');

  return (
    <section
      className={`card job-card ${styles.jobResult} result-${job.status}`}
      aria-labelledby={`result-${job.id}`}
    >
      <header className={styles.jobCardHeader}>
        {/* h2: the card sits right under the screen's h1. */}
        <ResultHeading
          icon={verdict.icon}
          level="h2"
          id={`result-${job.id}`}
          title={job.kind === 'backup' ? verdict.title : jobTitleText(job)}
          subtitle={
            <>
              {archive ? <code translate="no">{archive.name}</code> : jobTitleText(job)}
              {duration !== undefined ? ` · ${formatDuration(duration)}` : ''}
            </>
          }
        />
        <div className={styles.jobCardActions}>
          <StatusBadge status={job.status} />
          <Button variant="ghost" onClick={() => openLog(true)} icon="terminal">
            {t('result.showLog')}
          </Button>
          <Button variant="ghost" onClick={() => dismissJob(job.id)}>
            {t('result.dismiss')}
          </Button>
        </div>
      </header>

      {archive ? (
        <dl className="counters" aria-label={t('result.label')}>
          <Counter label={t('counters.files')}>
            {archive.fileCount !== undefined ? formatCount(archive.fileCount) : '—'}
          </Counter>
          <Counter label={t('counters.original')}>
            <ByteSize bytes={archive.originalSize} />
          </Counter>
          <Counter label={t('counters.compressed')}>
            <ByteSize bytes={archive.compressedSize} />
          </Counter>
          <Counter label={t('counters.deduplicated')}>
            <ByteSize bytes={archive.deduplicatedSize} />
          </Counter>
          <Counter label={t('counters.warnings')}>{formatCount(warnings.length + moreWarnings)}</Counter>
        </dl>
      ) : null}

      {job.status === 'cancelled' ? <p className="result-note">{t('result.cancelledNote')}</p> : null}
      {job.error && job.status !== 'cancelled' ? (
        // For a lock failure the lock card below says what to do; borg's generic remedy would repeat it.
        <ErrorMessage error={lockFailure ? { message: job.error.message } : job.error} />
      ) : null}
      {lockFailure ? (
        <LockHelp repoId={job.repoId} borgMessage={job.error?.message ?? ''} retryJobId={job.id} />
      ) : null}
      {job.status === 'failed' ? <QuestionList jobId={job.id} /> : null}
      <JobSpaceNote job={job} />
      <WarningList warnings={warnings} more={moreWarnings} about={t('result.warningsAbout')} />
      {job.kind === 'backup' && hasSamples ? <TransferChart jobId={job.id} /> : null}
    </section>
  );
}
