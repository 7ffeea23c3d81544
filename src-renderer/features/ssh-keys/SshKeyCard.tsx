/**
 * "SSH key" on the screen of a repository on a server: which key borg's ssh logs in with (saved at
 * once when changed), and how to let that key in on the server.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { baseName, isRemoteLocation } from '../../lib/paths.js';
import { useAction } from '../../lib/use-request.js';
import { useReposStore } from '../../stores/repos-store.js';
import { SshKeyPicker } from './SshKeyPicker.js';
import styles from './ssh-keys.module.css';

/** Props of {@link SshKeyCard}. */
export interface SshKeyCardProps {
  readonly repo: RepositorySummary;
}

/** The card; nothing for a repository on this computer. */
export function SshKeyCard({ repo }: SshKeyCardProps) {
  const { t } = useTranslation('sshKeys');
  const titleId = useId();
  const upsertRepo = useReposStore((s) => s.upsertRepo);
  const saver = useAction('ssh-keys:set-repository-key', {
    fallback: t('saveFailed'),
    onSuccess: (updated: RepositorySummary) => upsertRepo(updated),
  });
  if (!isRemoteLocation(repo.location)) return null;
  return (
    <section className={`card ${styles.sshCard}`} aria-labelledby={titleId}>
      <header className="card-header">
        <h2 id={titleId} className="card-title">
          {t('cardTitle')}
        </h2>
        <span className="muted">
          {repo.sshKey === undefined ? t('sshDefaults') : t('logsInWith', { file: baseName(repo.sshKey) })}
        </span>
      </header>
      {saver.error ? <ErrorMessage error={saver.error} /> : null}
      <SshKeyPicker
        target={{ repoId: repo.id }}
        value={repo.sshKey}
        onChange={(keyFile) => saver.run({ repoId: repo.id, keyFile: keyFile ?? null })}
        disabled={saver.pending}
      />
    </section>
  );
}
