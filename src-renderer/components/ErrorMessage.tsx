/**
 * An error as the user should see it: what happened and, when known, what to do about it.
 * Never a stack trace: it only ever renders `message` and `remedy`, worded from the `errors`
 * catalog by the error's code, reason and params (lib/error-info.ts).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BORG_TEXT_PARAM, wordError, type ErrorInfo } from '../lib/error-info.js';
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

// Stands in for borg's words while the sentence is translated, so they can be set apart after.
const BORG_TEXT_MARK = '\u0000borg\u0000';

/** The sentence, with borg's own words (if any) marked as borg's and kept from translation. */
export function ErrorText({ error }: { readonly error: ErrorInfo }) {
  const { t } = useTranslation(['errors', 'common']);
  const borgText = error.params?.[BORG_TEXT_PARAM];
  if (borgText === undefined) return <>{wordError(error).message}</>;
  const parts = wordError(error, BORG_TEXT_MARK).message.split(BORG_TEXT_MARK);
  // The core's own English (no catalog entry) already holds borg's words.
  if (parts.length < 2) return <>{parts[0]}</>;
  const [before, after] = parts;
  return (
    <>
      {before}
      <span translate="no" title={t('common:borgSays')}>
        {borgText}
      </span>
      {after}
    </>
  );
}

/** An alert box with message and remedy. */
export function ErrorMessage({ error, title, onRetry }: ErrorMessageProps) {
  // Re-renders when the language changes; the words come from the `errors` catalog.
  useTranslation('errors');
  const ref = useRef<HTMLDivElement>(null);
  // Errors often appear above a long form the user has scrolled down; bring them into view.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  const { remedy } = wordError(error);
  return (
    <div className="error-message" role="alert" ref={ref}>
      <Icon name="alert" size={18} className={styles.errorMessageIcon} />
      <div>
        {title ? <p className={styles.errorMessageTitle}>{title}</p> : null}
        <p className={styles.errorMessageText}>
          <ErrorText error={error} />
        </p>
        {remedy ? <p className={styles.errorMessageRemedy}>{remedy}</p> : null}
        {error.sshHost && HOST_KEY_CODES.has(error.code ?? '') ? (
          <HostKeyCheck target={error.sshHost} onRetry={onRetry} />
        ) : null}
        {error.code === OTHER_BORG_CODE ? <OtherBorgHint major={error.major} /> : null}
      </div>
    </div>
  );
}
