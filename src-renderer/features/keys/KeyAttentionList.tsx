/**
 * The "Needs attention" lines for keyfile repositories whose key was never exported: their key
 * lives only on this computer, so losing the computer loses the backups.
 */
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
  const selectRepository = useAppStore((s) => s.selectRepository);
  if (repos.length === 0) return null;
  return (
    <ul className={dashboard.attentionList} aria-label="Keys needing attention">
      {repos.map((repo) => (
        <li key={repo.id} className={dashboard.attentionItem}>
          <div className={dashboard.attentionHead}>
            <strong>{repo.name}</strong>
            <span className="chip chip-warn">Key only on this computer</span>
          </div>
          <p className={dashboard.attentionDetail}>
            Its key lives only on this computer and has never been exported. Without a copy of the key, the
            backups cannot be read if this computer is lost.{' '}
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => selectRepository(repo.id)}
            >
              Export the key or print a recovery kit
            </button>
          </p>
        </li>
      ))}
    </ul>
  );
}
