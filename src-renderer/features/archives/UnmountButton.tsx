/**
 * "Unmount", and when the mount is busy (a program still has a file of it open, or a window sits in
 * one of its folders), "Force unmount…": a lazy unmount, explained before it runs. It detaches the
 * folder at once; Borgdesk then ends the borg process that served it, so the repository's lock is
 * released, and programs that still had files open from it get read errors.
 */
import { useState } from 'react';
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
  const unmount = useMountStore((s) => s.unmount);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  const [confirming, setConfirming] = useState(false);
  const run = (): void => {
    setBusy(true);
    setError(undefined);
    unmount(mountPoint)
      .catch((e: unknown) => setError(toErrorInfo(e, 'The folder could not be unmounted.')))
      .finally(() => setBusy(false));
  };
  const size = compact ? 'small' : 'medium';
  return (
    <span className={styles.mountControls}>
      <Button icon="x" size={size} variant={compact ? 'ghost' : 'secondary'} busy={busy} onClick={run}>
        Unmount
      </Button>
      {error?.code === 'MountBusy' ? (
        <Button size={size} variant="danger" onClick={() => setConfirming(true)}>
          Force unmount…
        </Button>
      ) : null}
      {error ? (
        <span className={styles.inlineError} role="alert">
          {wordError(error).message}
        </span>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title="Force unmount?"
          confirmLabel="Force unmount"
          onClose={() => setConfirming(false)}
          onConfirm={() => unmount(mountPoint, { lazy: true })}
        >
          <p>
            A program still uses files in <code>{mountPoint}</code>, so it cannot be unmounted normally.
          </p>
          <p>
            Force unmount detaches the folder now (a lazy unmount) and ends the borg process that serves it,
            which frees the repository for backups again. Programs that still have files open from it will get
            read errors; nothing in the repository or on your disk is changed.
          </p>
        </ConfirmDialog>
      ) : null}
    </span>
  );
}
