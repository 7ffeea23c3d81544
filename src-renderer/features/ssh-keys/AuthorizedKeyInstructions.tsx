/**
 * A key's public half and the authorized_keys line that lets it run only `borg serve` on this
 * repository's path, each with a Copy button, and what to do with them on the server.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('sshKeys');
  const [appendOnly, setAppendOnly] = useState(false);
  const entry = useRequest(
    'ssh-keys:authorized-line',
    { keyFile, appendOnly, ...target },
    { fallback: t('lineFailed') },
  );
  if (entry.error) return <ErrorMessage error={entry.error} />;
  const data = entry.data;
  if (data?.restrictPath === '') return <SftpInstructions line={data.line} publicKey={data.publicKey} />;
  return (
    <>
      <KeyBlock title={t('publicKey')} text={data?.publicKey} copyLabel={t('copyPublicKey')} />
      <KeyBlock title={t('authorizedLine')} text={data?.line} copyLabel={t('copyAuthorizedLine')} />
      <label className={styles.appendOnly}>
        <input type="checkbox" checked={appendOnly} onChange={(e) => setAppendOnly(e.target.checked)} />
        <span>{t('appendOnly')}</span>
      </label>
      <ol className={styles.steps} aria-label={t('howToAria')}>
        <li>
          <Trans t={t} i18nKey="stepOwnServer" components={{ code: <code translate="no" /> }} />
        </li>
        <li>
          <Trans
            t={t}
            i18nKey="stepRestricted"
            values={{ path: data?.restrictPath ?? '…' }}
            components={{ code: <code translate="no" /> }}
          />
        </li>
        <li>{t('stepHosted')}</li>
      </ol>
    </>
  );
}

// An sftp:// repository (borg 2): the server runs no borg, so there is no borg serve to restrict to.
function SftpInstructions({ line, publicKey }: { line: string; publicKey: string }) {
  const { t } = useTranslation('sshKeys');
  return (
    <>
      <KeyBlock title={t('publicKey')} text={publicKey} copyLabel={t('copyPublicKey')} />
      <KeyBlock title={t('authorizedLine')} text={line} copyLabel={t('copyAuthorizedLine')} />
      <ol className={styles.steps} aria-label={t('howToAria')}>
        <li>
          <Trans t={t} i18nKey="sftpOwnServer" components={{ code: <code translate="no" /> }} />
        </li>
        <li>{t('sftpHosted')}</li>
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
  const { t } = useTranslation('sshKeys');
  return (
    <div className={styles.keyBlock}>
      <div className={styles.keyBlockHeader}>
        <p className={styles.keyBlockTitle}>{title}</p>
        {text === undefined ? null : <CopyButton text={text} label={copyLabel} />}
      </div>
      {text === undefined ? (
        <pre className={styles.keyText} aria-label={title}>
          {t('loading')}
        </pre>
      ) : (
        <pre className={styles.keyText} aria-label={title} translate="no">
          {text}
        </pre>
      )}
    </div>
  );
}
