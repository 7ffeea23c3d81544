/**
 * "Unmount", and when the mount is busy (a program still has a file of it open, or a window sits in
 * one of its folders), "Force unmount…": a lazy unmount, explained before it runs. It detaches the
 * folder at once; Borgdesk then ends the borg process that served it, so the repository's lock is
 * released, and programs that still had files open from it get read errors.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { type ErrorInfo, toErrorInfo, wordError } from '../../lib/error-info.js';
import { useMountStore } from '../../stores/mount-store.js';
import { ConfirmDialog } from '../plans/ConfirmDialog.js';
import styles from './MountControls.module.css';

/** Props of {@link UnmountButton}. */
export interface UnmountButtonProps {
  readonly mountPoint: string;
  readonly compact?: boolean;
}

/** Unmount, with Force unmount… once borg says the mount is busy. */
export function UnmountButton({ mountPoint, compact }: UnmountButtonProps) {
  const { t } = useTranslation('archives');
  const unmount = useMountStore((s) => s.unmount);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  const [confirming, setConfirming] = useState(false);
  const run = (): void => {
    setBusy(true);
    setError(undefined);
    unmount(mountPoint)
      .catch((e: unknown) => setError(toErrorInfo(e, t('unmount.couldNotUnmount'))))
      .finally(() => setBusy(false));
  };
  const size = compact ? 'small' : 'medium';
  return (
    <span className={styles.mountControls}>
      <Button icon="x" size={size} variant={compact ? 'ghost' : 'secondary'} busy={busy} onClick={run}>
        {t('unmount.unmount')}
      </Button>
      {error?.code === 'MountBusy' ? (
        <Button size={size} variant="danger" onClick={() => setConfirming(true)}>
          {t('unmount.force')}
        </Button>
      ) : null}
      {error ? (
        <span className={styles.inlineError} role="alert">
          {wordError(error).message}
        </span>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('unmount.confirmTitle')}
          confirmLabel={t('unmount.confirm')}
          onClose={() => setConfirming(false)}
          onConfirm={() => unmount(mountPoint, { lazy: true })}
        >
          <p>
            <Trans
              t={t}
              i18nKey="unmount.inUse"
              values={{ path: mountPoint }}
              components={{ path: <code translate="no" /> }}
            />
          </p>
          <p>{t('unmount.explanation')}</p>
        </ConfirmDialog>
      ) : null}
    </span>
  );
}
