/**
 * A key's public half and the authorized_keys line that lets it run only `borg serve` on this
 * repository's path, each with a Copy button, and what to do with them on the server.
 */
import { useState } from 'react';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useRequest } from '../../lib/use-request.js';
import styles from './ssh-keys.module.css';

/** The repository a line is for: stored, or being added at a location. */
export type KeyTarget = { readonly repoId: string } | { readonly location: string };

/** Props of {@link AuthorizedKeyInstructions}. */
export interface AuthorizedKeyInstructionsProps {
  readonly keyFile: string;
  readonly target: KeyTarget;
}

/** The public key, the restricted line, the append-only choice and the steps. */
export function AuthorizedKeyInstructions({ keyFile, target }: AuthorizedKeyInstructionsProps) {
  const [appendOnly, setAppendOnly] = useState(false);
  const entry = useRequest(
    'ssh-keys:authorized-line',
    { keyFile, appendOnly, ...target },
    { fallback: 'The authorized_keys line could not be made.' },
  );
  if (entry.error) return <ErrorMessage error={entry.error} />;
  const data = entry.data;
  if (data?.restrictPath === '') return <SftpInstructions line={data.line} publicKey={data.publicKey} />;
  return (
    <>
      <KeyBlock title="Public key" text={data?.publicKey} copyLabel="Copy public key" />
      <KeyBlock title="authorized_keys line" text={data?.line} copyLabel="Copy authorized_keys line" />
      <label className={styles.appendOnly}>
        <input type="checkbox" checked={appendOnly} onChange={(e) => setAppendOnly(e.target.checked)} />
        <span>
          Append-only: nothing this computer does removes data from the server (borg serve --append-only). A
          delete or prune from here only takes archives off the list, the server keeps them; prune and compact
          on the server.
        </span>
      </label>
      <ol className={styles.steps} aria-label="How to let the key in">
        <li>
          On a server of your own: log in as the user the backups belong to and add the line, as one line, to{' '}
          <code>~/.ssh/authorized_keys</code> (create it with <code>chmod 600</code> if it is new). Borg must
          be installed there.
        </li>
        <li>
          The key can then do nothing but run borg on <code>{data?.restrictPath ?? '…'}</code> and below: no
          shell, no forwarding.
        </li>
        <li>
          On a hosted service (BorgBase, Hetzner Storage Box, rsync.net): paste the public key where their web
          panel asks for SSH keys; they restrict it themselves.
        </li>
      </ol>
    </>
  );
}

// An sftp:// repository (borg 2): the server runs no borg, so there is no borg serve to restrict to.
function SftpInstructions({ line, publicKey }: { line: string; publicKey: string }) {
  return (
    <>
      <KeyBlock title="Public key" text={publicKey} copyLabel="Copy public key" />
      <KeyBlock title="authorized_keys line" text={line} copyLabel="Copy authorized_keys line" />
      <ol className={styles.steps} aria-label="How to let the key in">
        <li>
          On a server of your own: add the line to <code>~/.ssh/authorized_keys</code> of the user the backups
          belong to. The server needs sftp (OpenSSH has it on), not borg.
        </li>
        <li>On a hosted sftp service: paste the public key where their web panel asks for SSH keys.</li>
      </ol>
    </>
  );
}

function KeyBlock({
  title,
  text,
  copyLabel,
}: {
  title: string;
  text: string | undefined;
  copyLabel: string;
}) {
  return (
    <div className={styles.keyBlock}>
      <div className={styles.keyBlockHeader}>
        <p className={styles.keyBlockTitle}>{title}</p>
        {text === undefined ? null : <CopyButton text={text} label={copyLabel} />}
      </div>
      <pre className={styles.keyText} aria-label={title}>
        {text ?? 'Loading…'}
      </pre>
    </div>
  );
}
