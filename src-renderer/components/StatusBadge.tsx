/**
 * A job status as a coloured pill, with words as well as colour so it reads without colour vision.
 */
import type { JobStatus } from '../../src-main/ipc/contract.js';

const labels: Record<JobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  warning: 'Completed with warnings',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The human label of a job status. */
export function statusLabel(status: JobStatus): string {
  return labels[status];
}

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  readonly status: JobStatus;
}

/** A pill showing a job's status. */
export function StatusBadge({ status }: StatusBadgeProps) {
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {status === 'running' ? <span className="pulse" aria-hidden="true" /> : null}
      {labels[status]}
    </span>
  );
}
