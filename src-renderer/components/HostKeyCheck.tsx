/**
 * "Check the server's key…" under an error that says Borgdesk does not know (or no longer
 * recognises) an ssh server's key: opens the dialog that shows the fingerprints and lets the user
 * accept them, then runs `onRetry` (or says to try again where nothing can be retried here).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.js';
import { HostKeyDialog } from './HostKeyDialog.js';

/** The error codes that offer a key check. */
export const HOST_KEY_CODES: ReadonlySet<string> = new Set(['SshHostKeyUnknown', 'SshHostKeyChanged']);

/** Props of {@link HostKeyCheck}. */
export interface HostKeyCheckProps {
  readonly target: { readonly host: string; readonly port: number };
  readonly onRetry?: (() => void) | undefined;
}

/** The button and, once clicked, the dialog. */
export function HostKeyCheck({ target, onRetry }: HostKeyCheckProps) {
  const { t } = useTranslation('components');
  const [open, setOpen] = useState(false);
  const [accepted, setAccepted] = useState(false);
  return (
    <div className="host-key-check">
      <Button icon="shield" size="small" onClick={() => setOpen(true)}>
        {t('hostKey.check')}
      </Button>
      {accepted && onRetry === undefined ? <p className="muted">{t('hostKey.acceptedRunAgain')}</p> : null}
      {open ? (
        <HostKeyDialog
          target={target}
          onClose={() => setOpen(false)}
          onAccepted={() => {
            setOpen(false);
            setAccepted(true);
            onRetry?.();
          }}
        />
      ) : null}
    </div>
  );
}
