/**
 * Versions of one file: every archive that holds the path, newest first, with size, modification
 * time and whether it changed from the next-older copy. Each can be restored or saved as a copy.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { Dialog } from '../../components/Dialog.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatCount, formatDateTime, formatRelative, parseDate } from '../../lib/format.js';
import { useRequest } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';
import { nameOf } from './archive-paths.js';
import { useIndexingProgress } from './use-indexing-progress.js';
import sharedStyles from './archives.module.css';
import styles from './VersionsDialog.module.css';

/** Props of {@link VersionsDialog}. */
export interface VersionsDialogProps {
  readonly repoId: string;
  readonly path: string;
}

const time = (value: string): number => parseDate(value)?.getTime() ?? 0;

/** The versions dialog. */
export function VersionsDialog({ repoId, path }: VersionsDialogProps) {
  const { t } = useTranslation(['archives', 'common']);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const openDialog = useAppStore((s) => s.openDialog);
  const indexing = useIndexingProgress(repoId);
  const { data, error } = useRequest(
    'archives:versions',
    { repoId, path },
    { fallback: t('versions.couldNotList') },
  );
  const versions = useMemo(
    () => data && [...data.versions].sort((a, b) => time(b.archiveStart) - time(a.archiveStart)),
    [data],
  );
  const searched = data?.archivesSearched ?? 0;

  return (
    <Dialog
      title={t('versions.title', { name: nameOf(path) })}
      description={<code translate="no">{path}</code>}
      onClose={closeDialog}
      size="large"
      footer={
        <>
          {versions ? (
            <p className="footer-note">
              {t('versions.found', {
                count: searched,
                found: formatCount(versions.length),
                searched: formatCount(searched),
              })}
            </p>
          ) : null}
          <Button onClick={closeDialog}>{t('common:actions.close')}</Button>
        </>
      }
    >
      {error ? <ErrorMessage error={error} /> : null}
      {!versions && !error ? (
        <p className={sharedStyles.indexingNote} role="status">
          <span className="spinner" aria-hidden="true" />
          {t('indexing', { done: formatCount(indexing.done), total: formatCount(indexing.total) })}
        </p>
      ) : null}
      {versions && versions.length === 0 ? (
        <EmptyState icon="history" title={t('versions.none')} compact />
      ) : null}
      {versions && versions.length > 0 ? (
        <div className={`table-wrap ${styles.versionsTable}`}>
          <table className="table" aria-label={t('versions.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('versions.archive')}</th>
                <th scope="col" className="right">
                  {t('grid.size')}
                </th>
                <th scope="col">{t('grid.modified')}</th>
                <th scope="col">{t('versions.change')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('grid.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version, index) => (
                <tr key={version.archiveName}>
                  <th scope="row">
                    <span className="archive-name" translate="no">
                      {version.archiveName}
                    </span>
                    <span className="date-sub" title={formatRelative(version.archiveStart)}>
                      {formatDateTime(version.archiveStart)}
                    </span>
                  </th>
                  <td className="right">
                    <ByteSize bytes={version.size} />
                  </td>
                  <td>{formatDateTime(version.mtime)}</td>
                  <td>
                    {index === versions.length - 1 ? (
                      <span className="muted">{t('versions.oldest')}</span>
                    ) : version.changed ? (
                      <span className="chip chip-changed">{t('versions.changed')}</span>
                    ) : (
                      <span className="muted">{t('versions.same')}</span>
                    )}
                  </td>
                  <td className={`right ${styles.versionActions}`}>
                    <Button
                      size="small"
                      icon="download"
                      onClick={() =>
                        openDialog({
                          kind: 'restore',
                          repoId,
                          archiveName: version.archiveName,
                          paths: [path],
                        })
                      }
                    >
                      {t('versions.restore')}
                    </Button>
                    {version.type === 'file' ? (
                      <Button
                        size="small"
                        variant="ghost"
                        icon="save"
                        aria-label={t('row.saveCopy')}
                        title={t('row.saveCopy')}
                        onClick={() =>
                          openDialog({ kind: 'save-copy', repoId, archiveName: version.archiveName, path })
                        }
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Dialog>
  );
}
