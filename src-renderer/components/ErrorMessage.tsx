/**
 * An error as the user should see it: what happened and, when known, what to do about it.
 * Never a stack trace: it only ever renders `message` and `remedy`.
 */
import { useEffect, useRef } from 'react';
import type { ErrorInfo } from '../lib/error-info.js';
import { HOST_KEY_CODES, HostKeyCheck } from './HostKeyCheck.js';
import { Icon } from './Icon.js';
import { OTHER_BORG_CODE, OtherBorgHint } from './OtherBorgHint.js';
import styles from './ErrorMessage.module.css';

/** Props of {@link ErrorMessage}. */
export interface ErrorMessageProps {
  readonly error: ErrorInfo;
  readonly title?: string;
  /** Runs the failed task again (after the user accepted a server's ssh key, say). */
  readonly onRetry?: () => void;
}

/** An alert box with message and remedy. */
export function ErrorMessage({ error, title, onRetry }: ErrorMessageProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Errors often appear above a long form the user has scrolled down; bring them into view.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  return (
    <div className="error-message" role="alert" ref={ref}>
      <Icon name="alert" size={18} className={styles.errorMessageIcon} />
      <div>
        {title ? <p className={styles.errorMessageTitle}>{title}</p> : null}
        <p className={styles.errorMessageText}>{error.message}</p>
        {error.remedy ? <p className={styles.errorMessageRemedy}>{error.remedy}</p> : null}
        {error.sshHost && HOST_KEY_CODES.has(error.code ?? '') ? (
          <HostKeyCheck target={error.sshHost} onRetry={onRetry} />
        ) : null}
        {error.code === OTHER_BORG_CODE ? <OtherBorgHint major={error.major} /> : null}
      </div>
    </div>
  );
}
