/**
 * The archives of a repository, newest first: name, date, duration, sizes and file count, with
 * Browse, Growth (why did it grow?), Info (with Rename… and Comment…), Tags… (borg 2) and Delete per archive; partial
 * (checkpoint) archives marked. Borg 2 keeps series (archives of one name): each is its own row,
 * told apart by its time and short id.
 */
import { useTranslation } from 'react-i18next';
import { isCheckpointArchive, isCompleteArchive } from '../../../src-main/model/last-good-backup.js';
import type { ArchiveSummary } from '../../../src-main/model/archive.js';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { EmptyState } from '../../components/EmptyState.js';
import { formatCount, formatDateTime, formatDuration, formatRelative, parseDate } from '../../lib/format.js';
import { shortArchiveId, useBorgFeatures } from './use-borg-features.js';
import styles from './repositories.module.css';

/** An edit of one archive the table offers. */
export type ArchiveEdit = 'rename' | 'comment' | 'info' | 'tags' | 'growth';

/** Props of {@link ArchivesTable}. */
export interface ArchivesTableProps {
  readonly archives: readonly ArchiveSummary[];
  /** Opens the archive browser for one archive. */
  readonly onBrowse?: (archive: ArchiveSummary) => void;
  /** Asks to delete one archive (the caller confirms first). */
  readonly onDelete?: (archive: ArchiveSummary) => void;
  /** Opens Info (or Rename…, Comment…) for one archive. */
  readonly onEdit?: (archive: ArchiveSummary, edit: ArchiveEdit) => void;
  /** The borg keeps tags (borg 2): rows show them and offer Tags…. */
  readonly tags?: boolean;
}

/** How a row's buttons name the archive: with its short id when others share its name. */
function labelOf(archive: ArchiveSummary, inSeries: boolean): string {
  return inSeries ? `${archive.name} (${shortArchiveId(archive.id)})` : archive.name;
}

const time = (archive: ArchiveSummary): number => parseDate(archive.start)?.getTime() ?? 0;

/** The archives table (`aria-label="Archives"`). */
export function ArchivesTable({ archives, onBrowse, onDelete, onEdit, tags = false }: ArchivesTableProps) {
  const { t } = useTranslation('repositories');
  const hasActions = onBrowse !== undefined || onDelete !== undefined || onEdit !== undefined;
  // borg 2 reports no compressed or deduplicated size per archive: no columns of dashes.
  const showSizes = useBorgFeatures()?.archiveSizes !== false;
  if (archives.length === 0) {
    return (
      <EmptyState icon="archive" title={t('archives.emptyTitle')} compact>
        {t('archives.emptyText')}
      </EmptyState>
    );
  }
  const sorted = [...archives].sort((a, b) => time(b) - time(a));
  const nameCounts = new Map<string, number>();
  for (const a of archives) nameCounts.set(a.name, (nameCounts.get(a.name) ?? 0) + 1);
  const inSeries = (a: ArchiveSummary): boolean => (nameCounts.get(a.name) ?? 0) > 1;
  // A partial archive is worth keeping only until a complete backup follows it.
  const completedAfter = (a: ArchiveSummary): boolean =>
    sorted.some((b) => isCompleteArchive(b) && time(b) >= time(a));
  return (
    <div className="table-wrap">
      <table className="table" aria-label={t('archives.label')}>
        <thead>
          <tr>
            <th scope="col">{t('archives.name')}</th>
            <th scope="col">{t('archives.date')}</th>
            <th scope="col" className="right">
              {t('archives.duration')}
            </th>
            <th scope="col" className="right">
              {t('archives.original')}
            </th>
            {showSizes ? (
              <>
                <th scope="col" className="right">
                  {t('archives.compressed')}
                </th>
                <th scope="col" className="right">
                  {t('archives.deduplicated')}
                </th>
              </>
            ) : null}
            <th scope="col" className="right">
              {t('archives.files')}
            </th>
            {hasActions ? (
              <th scope="col">
                <span className="visually-hidden">{t('archives.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {sorted.map((archive) => (
            <tr
              key={archive.id || archive.name}
              onDoubleClick={onBrowse ? () => onBrowse(archive) : undefined}
            >
              <th scope="row" className="archive-name">
                <span translate="no">{archive.name}</span>
                {inSeries(archive) ? (
                  <>
                    {' '}
                    <code
                      className="chip"
                      translate="no"
                      title={t('archives.seriesTitle', { id: archive.id })}
                    >
                      {shortArchiveId(archive.id)}
                    </code>
                  </>
                ) : null}
                {isCheckpointArchive(archive.name) ? (
                  <>
                    {' '}
                    <span className="chip chip-warn" title={t('archives.partialTitle')}>
                      {t('archives.partial')}
                    </span>
                    {onDelete && completedAfter(archive) ? (
                      <Button size="small" variant="ghost" onClick={() => onDelete(archive)}>
                        {t('archives.deletePartial')}
                      </Button>
                    ) : null}
                  </>
                ) : null}
                {archive.comment ? (
                  <span className="date-sub" translate="no">
                    {archive.comment}
                  </span>
                ) : null}
                {archive.tags && archive.tags.length > 0 ? (
                  <span
                    className={styles.tagChips}
                    aria-label={t('archives.tagsOn', { name: labelOf(archive, inSeries(archive)) })}
                  >
                    {archive.tags.map((tag) => (
                      <span key={tag} className="chip" translate="no">
                        {tag}
                      </span>
                    ))}
                  </span>
                ) : null}
              </th>
              <td title={formatDateTime(archive.start)}>
                <span className={styles.dateMain}>{formatDateTime(archive.start)}</span>
                <span className="date-sub">{formatRelative(archive.start)}</span>
              </td>
              <td className="right num">
                {archive.durationSeconds !== undefined ? formatDuration(archive.durationSeconds) : '—'}
              </td>
              <td className="right">
                <ByteSize bytes={archive.originalSize} />
              </td>
              {showSizes ? (
                <>
                  <td className="right">
                    <ByteSize bytes={archive.compressedSize} />
                  </td>
                  <td className="right">
                    <ByteSize bytes={archive.deduplicatedSize} />
                  </td>
                </>
              ) : null}
              <td className="right num">
                {archive.fileCount !== undefined ? formatCount(archive.fileCount) : '—'}
              </td>
              {hasActions ? (
                <td className="right row-actions">
                  {onBrowse ? (
                    <Button size="small" icon="folder" onClick={() => onBrowse(archive)}>
                      {t('archives.browse')}
                    </Button>
                  ) : null}
                  {onEdit ? (
                    <ArchiveEditButtons
                      archive={archive}
                      label={labelOf(archive, inSeries(archive))}
                      onEdit={onEdit}
                      tags={tags}
                    />
                  ) : null}
                  {onDelete ? (
                    <Button
                      size="small"
                      variant="ghost"
                      icon="trash"
                      aria-label={t('archives.delete', { name: labelOf(archive, inSeries(archive)) })}
                      title={t('archives.delete', { name: labelOf(archive, inSeries(archive)) })}
                      onClick={() => onDelete(archive)}
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Growth and Info of one archive row (its dialog offers Rename… and Comment…, so the row stays narrow), and Tags… on borg 2.
function ArchiveEditButtons(props: {
  readonly archive: ArchiveSummary;
  readonly label: string;
  readonly onEdit: NonNullable<ArchivesTableProps['onEdit']>;
  readonly tags: boolean;
}) {
  const { archive, label, onEdit, tags } = props;
  const { t } = useTranslation('repositories');
  return (
    <>
      <Button
        size="small"
        variant="ghost"
        aria-label={t('archives.growthLabel', { name: label })}
        title={t('archives.growthTitle')}
        onClick={() => onEdit(archive, 'growth')}
      >
        {t('archives.growth')}
      </Button>
      {tags ? (
        <Button
          size="small"
          variant="ghost"
          aria-label={t('archives.tagsOf', { name: label })}
          onClick={() => onEdit(archive, 'tags')}
        >
          {t('archives.tags')}
        </Button>
      ) : null}
      <Button
        size="small"
        variant="ghost"
        icon="info"
        aria-label={t('archives.infoLabel', { name: label })}
        title={t('archives.infoTitle')}
        onClick={() => onEdit(archive, 'info')}
      />
    </>
  );
}
