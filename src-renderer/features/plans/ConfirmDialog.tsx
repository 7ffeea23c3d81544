/**
 * A small confirmation dialog for destructive actions: says exactly what will happen, runs the action
 * on confirm, and shows the error in place if it fails.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import styles from './plans.module.css';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  /** The confirm button's label, e.g. "Delete archive". */
  readonly confirmLabel: string;
  readonly onConfirm: () => Promise<void>;
  readonly onClose: () => void;
}

/** Asks before a destructive action; closes itself once the action succeeds. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation(['plans', 'common']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo>();
  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(toErrorInfo(e, t('card.confirmFailed')));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      size="small"
      onClose={onClose}
      busy={busy}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('common:actions.cancel')}
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className={styles.confirmBody}>{children}</div>
      {error ? <ErrorMessage error={error} /> : null}
    </Dialog>
  );
}
