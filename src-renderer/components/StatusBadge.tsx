/**
 * A job status as a coloured pill, with words as well as colour so it reads without colour vision.
 */
import type { FinalJobStatus } from '../../src-main/model/history.js';
import type { JobStatus } from '../../src-main/model/job.js';
import styles from './StatusBadge.module.css';

/** A live job's status, or a history entry's (which may be 'interrupted'). */
export type BadgeStatus = JobStatus | FinalJobStatus;

const labels: Record<BadgeStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  warning: 'Completed with warnings',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

/** The human label of a job status. */
export function statusLabel(status: BadgeStatus): string {
  return labels[status];
}

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  readonly status: BadgeStatus;
}

/** A pill showing a job's status. */
export function StatusBadge({ status }: StatusBadgeProps) {
  return (
    <span className={`badge ${styles[`badge-${status}`]}`} data-status={status}>
      {status === 'running' ? <span className={styles.pulse} aria-hidden="true" /> : null}
      {labels[status]}
    </span>
  );
}
