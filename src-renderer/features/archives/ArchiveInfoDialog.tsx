/** One archive in detail (`borg info --json REPO::ARCHIVE`): who made it, when, how, and how big. */
import { describeChunkerParams } from '../../../src-main/model/archive-info.js';
import { isCheckpointArchive } from '../../../src-main/model/last-good-backup.js';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatCount, formatDateTime, formatDuration } from '../../lib/format.js';
import { useRequest } from '../../lib/use-request.js';
import styles from './ArchiveInfoDialog.module.css';

/** Props of {@link ArchiveInfoDialog}. */
export interface ArchiveInfoDialogProps {
  readonly repoId: string;
  readonly archiveName: string;
  /** The archive's id: what tells borg 2's archives of one name apart. */
  readonly archiveId?: string;
  readonly onClose: () => void;
  /** Switches to the Rename… or Comment… dialog of this archive. */
  readonly onEdit?: (edit: 'rename' | 'comment') => void;
}

/** The dialog behind an archive's "Info". */
export function ArchiveInfoDialog({
  repoId,
  archiveName,
  archiveId,
  onClose,
  onEdit,
}: ArchiveInfoDialogProps) {
  const {
    data: info,
    error,
    loading,
  } = useRequest(
    'archives:info',
    { repoId, archiveName, ...(archiveId === undefined ? {} : { archiveId }) },
    { fallback: 'Borg could not describe the archive.' },
  );
  const rows: [string, React.ReactNode][] = info
    ? [
        ['Comment', info.comment || '—'],
        ['Host', info.hostname ?? '—'],
        ['User', info.username ?? '—'],
        ['Command line', info.commandLine ? <code>{info.commandLine.join(' ')}</code> : '—'],
        ['Started', formatDateTime(info.start)],
        ['Ended', info.end ? formatDateTime(info.end) : '—'],
        ['Duration', info.durationSeconds !== undefined ? formatDuration(info.durationSeconds) : '—'],
        ['Original size', <ByteSize key="o" bytes={info.originalSize} />],
        ['Compressed size', <ByteSize key="c" bytes={info.compressedSize} />],
        ['Deduplicated size', <ByteSize key="d" bytes={info.deduplicatedSize} />],
        ['Files', info.fileCount !== undefined ? formatCount(info.fileCount) : '—'],
        ['Chunker', info.chunkerParams ? describeChunkerParams(info.chunkerParams) : '—'],
        [
          'Archive size limit',
          info.maxArchiveSizeUsed !== undefined
            ? `${(info.maxArchiveSizeUsed * 100).toPrecision(2)} % of borg’s maximum item list used`
            : '—',
        ],
      ]
    : [];
  return (
    <Dialog
      title="Archive info"
      description={<strong className="archive-name">{archiveName}</strong>}
      onClose={onClose}
      footer={
        <>
          {onEdit ? <Button onClick={() => onEdit('rename')}>Rename…</Button> : null}
          {onEdit ? <Button onClick={() => onEdit('comment')}>Comment…</Button> : null}
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        </>
      }
    >
      {isCheckpointArchive(archiveName) ? (
        <p className="callout">
          A partial archive: what an interrupted backup had saved. It is not counted as a backup.
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {loading && !info ? <p className="muted">Asking borg…</p> : null}
      {info ? (
        <table className={`table ${styles.facts}`} aria-label="Archive info">
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row" className={styles.label}>
                  {label}
                </th>
                <td className={styles.value}>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Dialog>
  );
}
