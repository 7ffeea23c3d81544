/**
 * A finished restore: a clear verdict, files and bytes restored, existing files skipped, borg's
 * warnings (exit code 1) listed, and where the files are, with Open folder and Copy.
 */
import type { JobSnapshot } from '../../../src-main/model/job.js';
import type { RestoreResult } from '../../../src-main/model/restore.js';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { WarningList } from '../../components/WarningList.js';
import { Icon, type IconName } from '../../components/Icon.js';
import { formatCount } from '../../lib/format.js';
import { useAppStore } from '../../stores/app-store.js';
import { OpenFolderButton } from './OpenFolderButton.js';
import { Counter } from '../../components/Counter.js';
import styles from './restore.module.css';
import { jobTitleText } from '../../lib/core-words/job-title.js';

/** Props of {@link RestoreOutcome}. */
export interface RestoreOutcomeProps {
  readonly job: JobSnapshot;
  /** Called after "Show log" opened the log panel (a dialog closes itself so the panel is visible). */
  readonly onShowLog?: () => void;
}

const verdicts: Record<string, { icon: IconName; title: string }> = {
  succeeded: { icon: 'check', title: 'Restore complete' },
  warning: { icon: 'alert', title: 'Restore complete, with warnings' },
  failed: { icon: 'alert', title: 'Restore failed' },
  cancelled: { icon: 'stop', title: 'Restore cancelled' },
};

// What a stopped restore left: how much, where, and what became of the file it was writing.
function cancelledNote(result: RestoreResult | undefined): string {
  if (!result) return 'The restore was stopped before it began.';
  const files = result.fileCount === 1 ? '1 file' : `${formatCount(result.fileCount)} files`;
  const where = result.targetDir === '/' ? 'in their original locations' : 'in the folder below';
  const partial = result.partialFile;
  const tail = !partial
    ? ''
    : partial.removed
      ? ` The file being written when it stopped, ${partial.path}, was incomplete and has been removed.`
      : ` The file being written when it stopped, ${partial.path}, is incomplete and could not be removed: delete it before you use it.`;
  return `The restore was stopped. ${files} restored before that ${result.fileCount === 1 ? 'is' : 'are'} ${where}.${tail}`;
}

/** The result of a restore job. */
export function RestoreOutcome({ job, onShowLog }: RestoreOutcomeProps) {
  const openLog = useAppStore((s) => s.setLogPanelOpen);
  const result = job.restoreResult;
  const verdict = verdicts[job.status] ?? { icon: 'info', title: jobTitleText(job) };
  const warnings = result?.warnings ?? [];
  return (
    <div className={`${styles.restoreOutcome} result-${job.status}`}>
      <div className={styles.restoreOutcomeHead}>
        <div className="result-heading">
          <span className="result-icon">
            <Icon name={verdict.icon} size={20} />
          </span>
          <div>
            <h3 className="card-title">{verdict.title}</h3>
            <p className="card-subtitle">{jobTitleText(job)}</p>
          </div>
        </div>
        <Button
          size="small"
          variant="ghost"
          icon="terminal"
          onClick={() => {
            openLog(true);
            onShowLog?.();
          }}
        >
          Show log
        </Button>
      </div>
      {result ? (
        <dl className="counters" aria-label="Restore result">
          <Counter label="Files restored">{formatCount(result.fileCount)}</Counter>
          <Counter label="Size">
            <ByteSize bytes={result.totalBytes} />
          </Counter>
          <Counter label="Skipped">{formatCount(result.skippedCount)}</Counter>
          <Counter label="Warnings">{formatCount(warnings.length)}</Counter>
        </dl>
      ) : null}
      {result && result.skippedCount > 0 ? (
        <p className="result-note">
          {result.skippedCount === 1 ? '1 item' : `${formatCount(result.skippedCount)} items`} already existed
          and
          {result.skippedCount === 1 ? ' was' : ' were'} left unchanged.
        </p>
      ) : null}
      {job.status === 'cancelled' ? <p className="result-note">{cancelledNote(result)}</p> : null}
      {job.error && job.status !== 'cancelled' ? <ErrorMessage error={job.error} /> : null}
      <WarningList warnings={warnings} about="items borg could not restore completely" open />
      {result && result.targetDir === '/' ? (
        <p className="result-note">Files were restored to their original locations.</p>
      ) : null}
      {result && result.targetDir !== '/' ? (
        <div className={styles.restoreTarget}>
          <span className={styles.restoreTargetLabel}>Restored into</span>
          <code title={result.targetDir}>{result.targetDir}</code>
          <CopyButton text={result.targetDir} label="Copy folder path" />
          <OpenFolderButton path={result.targetDir} size="small" />
        </div>
      ) : null}
    </div>
  );
}
