/** One archive in detail (`borg info --json REPO::ARCHIVE`): who made it, when, how, and how big. */
import { useTranslation } from 'react-i18next';
import { isCheckpointArchive } from '../../../src-main/model/last-good-backup.js';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatCount, formatDateTime, formatDuration } from '../../lib/format.js';
import { describeChunker, formatPercent } from './archive-figures.js';
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
  const { t } = useTranslation(['archives', 'common']);
  const {
    data: info,
    error,
    loading,
  } = useRequest(
    'archives:info',
    { repoId, archiveName, ...(archiveId === undefined ? {} : { archiveId }) },
    { fallback: t('info.couldNotDescribe') },
  );
  const rows: [string, React.ReactNode][] = info
    ? [
        [t('info.comment'), info.comment ? <span translate="no">{info.comment}</span> : '—'],
        [t('info.host'), info.hostname ? <span translate="no">{info.hostname}</span> : '—'],
        [t('info.user'), info.username ? <span translate="no">{info.username}</span> : '—'],
        [
          t('info.commandLine'),
          info.commandLine ? <code translate="no">{info.commandLine.join(' ')}</code> : '—',
        ],
        [t('info.started'), formatDateTime(info.start)],
        [t('info.ended'), info.end ? formatDateTime(info.end) : '—'],
        [t('info.duration'), info.durationSeconds !== undefined ? formatDuration(info.durationSeconds) : '—'],
        [t('info.originalSize'), <ByteSize key="o" bytes={info.originalSize} />],
        [t('info.compressedSize'), <ByteSize key="c" bytes={info.compressedSize} />],
        [t('info.deduplicatedSize'), <ByteSize key="d" bytes={info.deduplicatedSize} />],
        [t('info.files'), info.fileCount !== undefined ? formatCount(info.fileCount) : '—'],
        [t('info.chunker'), info.chunkerParams ? describeChunker(info.chunkerParams) : '—'],
        [
          t('info.sizeLimit'),
          info.maxArchiveSizeUsed !== undefined
            ? t('info.sizeLimitUsed', { percent: formatPercent(info.maxArchiveSizeUsed) })
            : '—',
        ],
      ]
    : [];
  return (
    <Dialog
      title={t('info.title')}
      description={
        <strong className="archive-name" translate="no">
          {archiveName}
        </strong>
      }
      onClose={onClose}
      footer={
        <>
          {onEdit ? <Button onClick={() => onEdit('rename')}>{t('info.rename')}</Button> : null}
          {onEdit ? <Button onClick={() => onEdit('comment')}>{t('info.editComment')}</Button> : null}
          <Button variant="primary" onClick={onClose}>
            {t('common:actions.close')}
          </Button>
        </>
      }
    >
      {isCheckpointArchive(archiveName) ? <p className="callout">{t('info.partial')}</p> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {loading && !info ? <p className="muted">{t('info.asking')}</p> : null}
      {info ? (
        <table className={`table ${styles.facts}`} aria-label={t('info.title')}>
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
