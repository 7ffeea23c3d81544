/**
 * How far along a running backup is: a bar with percent and time left once the estimate is
 * trustworthy (its basis in the tooltip), and a note while borg's counters have stopped moving.
 */
import { useTranslation } from 'react-i18next';
import type { BackupProgress } from '../../../src-main/model/job.js';
import { estimateRow, stallText } from './estimate-text.js';
import styles from './jobs.module.css';

/** Props of {@link BackupEstimate}. */
export interface BackupEstimateProps {
  readonly progress: BackupProgress;
}

/** The estimate row and the stall note of a backup card; nothing when there is neither. */
export function BackupEstimate({ progress }: BackupEstimateProps) {
  const { t } = useTranslation('jobs');
  const row = estimateRow(progress);
  const stall = stallText(progress);
  if (row === undefined && stall === undefined) return null;
  return (
    <>
      {row !== undefined ? (
        <div className={styles.estimate} title={row.basis}>
          {row.percent !== undefined ? (
            <div
              className="progress-bar"
              role="progressbar"
              aria-label={t('progress.estimatedLabel')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={row.percent}
            >
              <span style={{ width: `${row.percent}%` }} />
            </div>
          ) : null}
          <span className={styles.estimateText} data-testid="backup-estimate">
            {row.text}
          </span>
          <span className="visually-hidden">{row.basis}</span>
        </div>
      ) : null}
      {stall !== undefined ? (
        <p className={styles.stall} role="status">
          <strong>{stall}.</strong> {t('progress.stallBody')}
        </p>
      ) : null}
    </>
  );
}
