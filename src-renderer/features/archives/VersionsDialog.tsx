/**
 * Versions of one file: every archive that holds the path, newest first, with size, modification
 * time and whether it changed from the next-older copy. Each can be restored or saved as a copy.
 */
import { useMemo } from 'react';
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
  const closeDialog = useAppStore((s) => s.closeDialog);
  const openDialog = useAppStore((s) => s.openDialog);
  const indexing = useIndexingProgress(repoId);
  const { data, error } = useRequest(
    'archives:versions',
    { repoId, path },
    { fallback: 'The versions could not be listed.' },
  );
  const versions = useMemo(
    () => data && [...data.versions].sort((a, b) => time(b.archiveStart) - time(a.archiveStart)),
    [data],
  );
  const searched = data?.archivesSearched ?? 0;

  return (
    <Dialog
      title={`Versions of ${nameOf(path)}`}
      description={<code>{path}</code>}
      onClose={closeDialog}
      size="large"
      footer={
        <>
          {versions ? (
            <p className="footer-note">
              Found in {formatCount(versions.length)} of {formatCount(searched)}{' '}
              {searched === 1 ? 'archive' : 'archives'}.
            </p>
          ) : null}
          <Button onClick={closeDialog}>Close</Button>
        </>
      }
    >
      {error ? <ErrorMessage error={error} /> : null}
      {!versions && !error ? (
        <p className={sharedStyles.indexingNote} role="status">
          <span className="spinner" aria-hidden="true" />
          Indexing archives… ({formatCount(indexing.done)} of {formatCount(indexing.total)})
        </p>
      ) : null}
      {versions && versions.length === 0 ? (
        <EmptyState icon="history" title="No archive holds this path" compact />
      ) : null}
      {versions && versions.length > 0 ? (
        <div className={`table-wrap ${styles.versionsTable}`}>
          <table className="table" aria-label="Versions">
            <thead>
              <tr>
                <th scope="col">Archive</th>
                <th scope="col" className="right">
                  Size
                </th>
                <th scope="col">Modified</th>
                <th scope="col">Change</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version, index) => (
                <tr key={version.archiveName}>
                  <th scope="row">
                    <span className="archive-name">{version.archiveName}</span>
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
                      <span className="muted">oldest copy</span>
                    ) : version.changed ? (
                      <span className="chip chip-changed">changed</span>
                    ) : (
                      <span className="muted">same as older</span>
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
                      Restore this version
                    </Button>
                    {version.type === 'file' ? (
                      <Button
                        size="small"
                        variant="ghost"
                        icon="save"
                        aria-label="Save a copy as…"
                        title="Save a copy as…"
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
