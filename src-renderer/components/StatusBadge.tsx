/**
 * A job status as a coloured pill, with words as well as colour so it reads without colour vision.
 */
import type { FinalJobStatus } from '../../src-main/model/history.js';
import type { JobStatus } from '../../src-main/model/job.js';
import { useTranslation } from 'react-i18next';
import { componentsT } from '../lib/choices.js';
import styles from './StatusBadge.module.css';

/** A live job's status, or a history entry's (which may be 'interrupted'). */
export type BadgeStatus = JobStatus | FinalJobStatus;

/** The human label of a job status, in the current language (call it while rendering). */
export function statusLabel(status: BadgeStatus): string {
  return componentsT()(`status.${status}`);
}

/** Props of {@link StatusBadge}. */
export interface StatusBadgeProps {
  readonly status: BadgeStatus;
}

/** A pill showing a job's status. */
export function StatusBadge({ status }: StatusBadgeProps) {
  const { t } = useTranslation('components');
  return (
    <span className={`badge ${styles[`badge-${status}`]}`} data-status={status}>
      {status === 'running' ? <span className={styles.pulse} aria-hidden="true" /> : null}
      {t(`status.${status}`)}
    </span>
  );
}
