/**
 * A friendly placeholder for a screen or list with nothing to show yet, pointing at the next step.
 */
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.js';
import styles from './EmptyState.module.css';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  readonly icon?: IconName;
  readonly title: string;
  readonly children?: ReactNode;
  readonly action?: ReactNode;
  readonly compact?: boolean;
}

/** A centred message with an optional action. */
export function EmptyState({ icon = 'archive', title, children, action, compact }: EmptyStateProps) {
  return (
    <div className={compact ? `empty-state ${styles.emptyStateCompact}` : 'empty-state'}>
      <div className={styles.emptyStateIcon}>
        <Icon name={icon} size={compact ? 20 : 28} />
      </div>
      <h3 className={styles.emptyStateTitle}>{title}</h3>
      {children ? <div className="empty-state-body">{children}</div> : null}
      {action ? <div className="empty-state-action">{action}</div> : null}
    </div>
  );
}
