/**
 * "Recently deleted" (borg 2): archives whose delete only marked them, listed by `repo-list
 * --deleted` until the next compact, each with Undelete. Borg 1.x deletes for good, so the card is
 * only shown where the borg's features include soft delete.
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatCount, formatDateTime, formatRelative } from '../../lib/format.js';
import { useAction, useRequest } from '../../lib/use-request.js';
import { useReposStore } from '../../stores/repos-store.js';
import { shortArchiveId } from './use-borg-features.js';
import styles from './repositories.module.css';

/** Props of {@link RecentlyDeleted}. */
export interface RecentlyDeletedProps {
  readonly repoId: string;
  /** Changes whenever the archive list was loaded again (a delete or compact finished). */
  readonly refresh: string;
  /** A job is running in the repository: undelete waits for it. */
  readonly busy: boolean;
}

/** The card of soft-deleted archives (`aria-label="Recently deleted"`); nothing when there are none. */
export function RecentlyDeleted({ repoId, refresh, busy }: RecentlyDeletedProps) {
  const { t } = useTranslation('repositories');
  const loadDetails = useReposStore((s) => s.loadDetails);
  const deleted = useRequest('archives:deleted', { repoId }, { fallback: t('deleted.listFailed'), refresh });
  const undelete = useAction('archives:undelete', {
    fallback: t('deleted.undeleteFailed'),
    onSuccess: () => {
      deleted.reload();
      void loadDetails(repoId);
    },
  });
  const archives = deleted.data?.archives ?? [];
  if (deleted.error) return <ErrorMessage error={deleted.error} onRetry={deleted.reload} />;
  if (archives.length === 0) return null;
  const newestFirst = [...archives].sort((a, b) => (a.start < b.start ? 1 : -1));
  return (
    <section className={`card ${styles.archivesCard}`} aria-labelledby="deleted-title">
      <header className="card-header">
        <h2 id="deleted-title" className="card-title">
          {t('deleted.title')}
        </h2>
        <span className="muted">{t('deleted.count', { figure: formatCount(archives.length) })}</span>
      </header>
      <p className={`muted ${styles.cardNote}`}>{t('deleted.note')}</p>
      {undelete.error ? <ErrorMessage error={undelete.error} /> : null}
      <div className="table-wrap">
        <table className="table" aria-label={t('deleted.title')}>
          <thead>
            <tr>
              <th scope="col">{t('archives.name')}</th>
              <th scope="col">{t('archives.date')}</th>
              <th scope="col">{t('deleted.id')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('archives.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((archive) => (
              <tr key={archive.id}>
                <th scope="row" className="archive-name" translate="no">
                  {archive.name}
                </th>
                <td title={formatDateTime(archive.start)}>
                  <span className={styles.dateMain}>{formatDateTime(archive.start)}</span>
                  <span className="date-sub">{formatRelative(archive.start)}</span>
                </td>
                <td>
                  <code title={archive.id} translate="no">
                    {shortArchiveId(archive.id)}
                  </code>
                </td>
                <td className="right row-actions">
                  <Button
                    size="small"
                    icon="refresh"
                    disabled={busy || undelete.pending}
                    aria-label={t('deleted.undeleteLabel', {
                      name: archive.name,
                      id: shortArchiveId(archive.id),
                    })}
                    onClick={() => undelete.run({ repoId, archiveName: archive.name, archiveId: archive.id })}
                  >
                    {t('deleted.undelete')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
