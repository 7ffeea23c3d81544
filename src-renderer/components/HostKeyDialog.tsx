/**
 * Shows an ssh server's key fingerprints (scanned by the core with ssh-keyscan) so the user can
 * compare them with what the server's owner says, and accept them into Borgdesk's known_hosts.
 * A changed key gets a loud warning with the old and new fingerprints, and is replaced only after
 * the user confirms they know why it changed.
 */
import { useState } from 'react';
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
  const scan = useRequest(
    'ssh:scan-host',
    { host: target.host, port: target.port },
    {
      fallback: 'Borgdesk could not ask the server for its key.',
    },
  );
  const accept = useAction('ssh:accept-host', {
    fallback: 'The key could not be saved.',
    onSuccess: () => onAccepted(),
  });
  const [knowWhy, setKnowWhy] = useState(false);
  const data = scan.data;
  const changed = data?.status === 'changed';
  const server = target.port === 22 ? target.host : `${target.host}, port ${target.port}`;
  const run = (): void =>
    accept.run({
      host: target.host,
      port: target.port,
      fingerprints: (data?.keys ?? []).map((k) => k.fingerprint),
      replaceChanged: changed,
    });
  return (
    <Dialog
      title={changed ? 'The server’s key has changed' : 'Check the server’s key'}
      description={`Server: ${server}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          {data?.status === 'known' ? (
            <Button variant="primary" onClick={onAccepted}>
              Try again
            </Button>
          ) : (
            <Button
              variant={changed ? 'danger' : 'primary'}
              onClick={run}
              busy={accept.pending}
              disabled={data === undefined || (changed && !knowWhy)}
            >
              {changed ? 'Replace the key' : 'Accept key'}
            </Button>
          )}
        </>
      }
    >
      {scan.loading && data === undefined ? <p className="muted">Asking the server for its key…</p> : null}
      {scan.error ? <Problem error={scan.error} /> : null}
      {accept.error ? <Problem error={accept.error} /> : null}
      {changed ? (
        <div className="error-message" role="alert">
          <div>
            <p>
              <strong>WARNING: this is not the key Borgdesk accepted before.</strong> Someone could be
              intercepting the connection. Continue only if you know why the key changed (for example, the
              server was reinstalled) and the new fingerprint matches what the server’s owner tells you.
            </p>
            <Fingerprints label="Accepted before" keys={data?.knownKeys ?? []} />
          </div>
        </div>
      ) : null}
      {data?.status === 'new' ? (
        <p>
          Borgdesk has not connected to this server before. Compare the fingerprint below with the one the
          server’s owner gives you (on the server:{' '}
          <code>ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub</code>
          ). Accept it only if they match.
        </p>
      ) : null}
      {data?.status === 'known' ? <p>Borgdesk already trusts this key. Try again.</p> : null}
      {data ? (
        <Fingerprints label={changed ? 'The server sends now' : 'The server’s key'} keys={data.keys} />
      ) : null}
      {changed ? (
        <div className="field">
          <label className="field-row">
            <input type="checkbox" checked={knowWhy} onChange={(e) => setKnowWhy(e.target.checked)} />
            <span>I know why this server’s key changed, and the new fingerprint is the right one.</span>
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
            {k.type} <code>{k.fingerprint}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
