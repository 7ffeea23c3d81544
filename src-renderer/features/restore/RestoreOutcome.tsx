/**
 * A finished restore: a clear verdict, files and bytes restored, existing files skipped, borg's
 * warnings (exit code 1) listed, and where the files are, with Open folder and Copy.
 */
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../../src-main/model/job.js';
import type { RestoreResult } from '../../../src-main/model/restore.js';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { WarningList } from '../../components/WarningList.js';
import { formatCount } from '../../lib/format.js';
import { useAppStore } from '../../stores/app-store.js';
import { OpenFolderButton } from './OpenFolderButton.js';
import { ResultHeading, verdictOf } from '../jobs/ResultHeading.js';
import { Counter } from '../../components/Counter.js';
import styles from './restore.module.css';
import { jobTitleText } from '../../lib/core-words/job-title.js';

/** Props of {@link RestoreOutcome}. */
export interface RestoreOutcomeProps {
  readonly job: JobSnapshot;
  /** Called after "Show log" opened the log panel (a dialog closes itself so the panel is visible). */
  readonly onShowLog?: () => void;
}

// What a stopped restore left: how much, where, and what became of the file it was writing.
function cancelledNote(result: RestoreResult | undefined): string {
  const t = i18next.getFixedT(null, 'restore');
  if (!result) return t('outcome.stoppedBeforeStart');
  const files = { count: result.fileCount, formatted: formatCount(result.fileCount) };
  const stopped =
    result.targetDir === '/' ? t('outcome.stoppedOriginal', files) : t('outcome.stoppedFolder', files);
  const partial = result.partialFile;
  if (!partial) return stopped;
  const tail = partial.removed
    ? t('outcome.partialRemoved', { path: partial.path })
    : t('outcome.partialKept', { path: partial.path });
  return `${stopped} ${tail}`;
}

/** The result of a restore job. */
export function RestoreOutcome({ job, onShowLog }: RestoreOutcomeProps) {
  const { t } = useTranslation('restore');
  const openLog = useAppStore((s) => s.setLogPanelOpen);
  const result = job.restoreResult;
  const verdict = verdictOf(job.status, (v) => t(`verdict.${v}`), jobTitleText(job));
  const warnings = result?.warnings ?? [];
  const moreWarnings = result?.moreWarnings ?? 0;
  return (
    <div className={`${styles.restoreOutcome} result-${job.status}`}>
      <div className={styles.restoreOutcomeHead}>
        <ResultHeading icon={verdict.icon} level="h3" title={verdict.title} subtitle={jobTitleText(job)} />
        <Button
          size="small"
          variant="ghost"
          icon="terminal"
          onClick={() => {
            openLog(true);
            onShowLog?.();
          }}
        >
          {t('outcome.showLog')}
        </Button>
      </div>
      {result ? (
        <dl className="counters" aria-label={t('outcome.label')}>
          <Counter label={t('outcome.filesRestored')}>{formatCount(result.fileCount)}</Counter>
          <Counter label={t('outcome.size')}>
            <ByteSize bytes={result.totalBytes} />
          </Counter>
          <Counter label={t('outcome.skipped')}>{formatCount(result.skippedCount)}</Counter>
          <Counter label={t('outcome.warnings')}>{formatCount(warnings.length + moreWarnings)}</Counter>
        </dl>
      ) : null}
      {result && result.skippedCount > 0 ? (
        <p className="result-note">
          {t('outcome.skippedNote', {
            count: result.skippedCount,
            formatted: formatCount(result.skippedCount),
          })}
        </p>
      ) : null}
      {job.status === 'cancelled' ? <p className="result-note">{cancelledNote(result)}</p> : null}
      {job.error && job.status !== 'cancelled' ? <ErrorMessage error={job.error} /> : null}
      <WarningList warnings={warnings} more={moreWarnings} about={t('outcome.warningsAbout')} open />
      {result && result.targetDir === '/' ? (
        <p className="result-note">{t('outcome.originalLocations')}</p>
      ) : null}
      {result && result.targetDir !== '/' ? (
        <div className={styles.restoreTarget}>
          <span className={styles.restoreTargetLabel}>{t('outcome.restoredInto')}</span>
          <code title={result.targetDir} translate="no">
            {result.targetDir}
          </code>
          <CopyButton text={result.targetDir} label={t('outcome.copyFolder')} />
          <OpenFolderButton path={result.targetDir} size="small" />
        </div>
      ) : null}
    </div>
  );
}
