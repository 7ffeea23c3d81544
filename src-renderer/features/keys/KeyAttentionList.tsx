/**
 * The "Needs attention" lines for keyfile repositories whose key was never exported: their key
 * lives only on this computer, so losing the computer loses the backups.
 */
import { useTranslation } from 'react-i18next';
import { isKeyfileMode } from '../../../src-main/model/encryption.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { useAppStore } from '../../stores/app-store.js';
import dashboard from '../dashboard/dashboard.module.css';

/** Keyfile repositories without an exported key. */
export function unexportedKeyfileRepos(repos: readonly RepositorySummary[]): RepositorySummary[] {
  return repos.filter((r) => isKeyfileMode(r.encryption) && r.keyExportedAt === undefined);
}

/** One line per repository, with a way to its key section. */
export function KeyAttentionList({ repos }: { readonly repos: readonly RepositorySummary[] }) {
  const { t } = useTranslation('keys');
  const selectRepository = useAppStore((s) => s.selectRepository);
  if (repos.length === 0) return null;
  return (
    <ul className={dashboard.attentionList} aria-label={t('attention.list')}>
      {repos.map((repo) => (
        <li key={repo.id} className={dashboard.attentionItem}>
          <div className={dashboard.attentionHead}>
            <strong translate="no">{repo.name}</strong>
            <span className="chip chip-warn">{t('attention.chip')}</span>
          </div>
          <p className={dashboard.attentionDetail}>
            {t('attention.detail')}{' '}
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => selectRepository(repo.id)}
            >
              {t('attention.action')}
            </button>
          </p>
        </li>
      ))}
    </ul>
  );
}
