/**
 * Shows an ssh server's key fingerprints (scanned by the core with ssh-keyscan) so the user can
 * compare them with what the server's owner says, and accept them into Borgdesk's known_hosts.
 * A changed key gets a loud warning with the old and new fingerprints, and is replaced only after
 * the user confirms they know why it changed.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { HostKeyFingerprint } from '../../src-main/model/ssh.js';
import { useAction, useRequest } from '../lib/use-request.js';
import { Button } from './Button.js';
import { Dialog } from './Dialog.js';
import { type ErrorInfo, wordError } from '../lib/error-info.js';

/** Props of {@link HostKeyDialog}. */
export interface HostKeyDialogProps {
  readonly target: { readonly host: string; readonly port: number };
  readonly onClose: () => void;
  /** After the key was accepted (or was already trusted). */
  readonly onAccepted: () => void;
}

/** The "Check the server's key" dialog. */
export function HostKeyDialog({ target, onClose, onAccepted }: HostKeyDialogProps) {
  const { t } = useTranslation(['components', 'common']);
  const scan = useRequest(
    'ssh:scan-host',
    { host: target.host, port: target.port },
    {
      fallback: t('hostKey.scanFailed'),
    },
  );
  const accept = useAction('ssh:accept-host', {
    fallback: t('hostKey.saveFailed'),
    onSuccess: () => onAccepted(),
  });
  const [knowWhy, setKnowWhy] = useState(false);
  const data = scan.data;
  const changed = data?.status === 'changed';
  const run = (): void =>
    accept.run({
      host: target.host,
      port: target.port,
      fingerprints: (data?.keys ?? []).map((k) => k.fingerprint),
      replaceChanged: changed,
    });
  return (
    <Dialog
      title={changed ? t('hostKey.titleChanged') : t('hostKey.title')}
      description={
        <>
          {t('hostKey.server')} <span translate="no">{target.host}</span>
          {target.port === 22 ? null : t('hostKey.port', { port: String(target.port) })}
        </>
      }
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          {data?.status === 'known' ? (
            <Button variant="primary" onClick={onAccepted}>
              {t('common:actions.tryAgain')}
            </Button>
          ) : (
            <Button
              variant={changed ? 'danger' : 'primary'}
              onClick={run}
              busy={accept.pending}
              disabled={data === undefined || (changed && !knowWhy)}
            >
              {changed ? t('hostKey.replace') : t('hostKey.accept')}
            </Button>
          )}
        </>
      }
    >
      {scan.loading && data === undefined ? <p className="muted">{t('hostKey.asking')}</p> : null}
      {scan.error ? <Problem error={scan.error} /> : null}
      {accept.error ? <Problem error={accept.error} /> : null}
      {changed ? (
        <div className="error-message" role="alert">
          <div>
            <p>
              <strong>{t('hostKey.changedWarning')}</strong> {t('hostKey.changedExplanation')}
            </p>
            <Fingerprints label={t('hostKey.acceptedBefore')} keys={data?.knownKeys ?? []} />
          </div>
        </div>
      ) : null}
      {data?.status === 'new' ? (
        <p>
          <Trans
            t={t}
            i18nKey="hostKey.newServer"
            values={{ command: 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' }}
            components={{ command: <code translate="no" /> }}
          />
        </p>
      ) : null}
      {data?.status === 'known' ? <p>{t('hostKey.alreadyTrusted')}</p> : null}
      {data ? (
        <Fingerprints
          label={changed ? t('hostKey.serverSendsNow') : t('hostKey.serversKey')}
          keys={data.keys}
        />
      ) : null}
      {changed ? (
        <div className="field">
          <label className="field-row">
            <input type="checkbox" checked={knowWhy} onChange={(e) => setKnowWhy(e.target.checked)} />
            <span>{t('hostKey.knowWhy')}</span>
          </label>
        </div>
      ) : null}
    </Dialog>
  );
}

// ErrorMessage's own words, without importing it (ErrorMessage offers this dialog).
function Problem({ error }: { error: ErrorInfo }) {
  return (
    <div className="error-message" role="alert">
      <div>
        <p>{wordError(error).message}</p>
        {wordError(error).remedy ? <p className="muted">{wordError(error).remedy}</p> : null}
      </div>
    </div>
  );
}

function Fingerprints({ label, keys }: { label: string; keys: readonly HostKeyFingerprint[] }) {
  return (
    <div>
      <p className="muted">{label}:</p>
      <ul aria-label={label}>
        {keys.map((k) => (
          <li key={`${k.type}-${k.fingerprint}`}>
            <span translate="no">{k.type}</span> <code translate="no">{k.fingerprint}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
