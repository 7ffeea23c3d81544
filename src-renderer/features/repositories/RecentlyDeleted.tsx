/**
 * "Recently deleted" (borg 2): archives whose delete only marked them, listed by `repo-list
 * --deleted` until the next compact, each with Undelete. Borg 1.x deletes for good, so the card is
 * only shown where the borg's features include soft delete.
 */
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatDateTime, formatRelative } from '../../lib/format.js';
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
  const loadDetails = useReposStore((s) => s.loadDetails);
  const deleted = useRequest(
    'archives:deleted',
    { repoId },
    { fallback: 'The deleted archives could not be listed.', refresh },
  );
  const undelete = useAction('archives:undelete', {
    fallback: 'The archive could not be undeleted.',
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
          Recently deleted
        </h2>
        <span className="muted">{archives.length} until the next compact</span>
      </header>
      <p className={`muted ${styles.cardNote}`}>
        Deleted archives can be restored until the repository is compacted.
      </p>
      {undelete.error ? <ErrorMessage error={undelete.error} /> : null}
      <div className="table-wrap">
        <table className="table" aria-label="Recently deleted">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Date</th>
              <th scope="col">Id</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((archive) => (
              <tr key={archive.id}>
                <th scope="row" className="archive-name">
                  {archive.name}
                </th>
                <td title={formatDateTime(archive.start)}>
                  <span className={styles.dateMain}>{formatDateTime(archive.start)}</span>
                  <span className="date-sub">{formatRelative(archive.start)}</span>
                </td>
                <td>
                  <code title={archive.id}>{shortArchiveId(archive.id)}</code>
                </td>
                <td className="right row-actions">
                  <Button
                    size="small"
                    icon="refresh"
                    disabled={busy || undelete.pending}
                    aria-label={`Undelete ${archive.name} (${shortArchiveId(archive.id)})`}
                    onClick={() => undelete.run({ repoId, archiveName: archive.name, archiveId: archive.id })}
                  >
                    Undelete
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
