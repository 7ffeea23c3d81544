/**
 * One row of the archive grid: tick box, name with a type icon, (for search results) the folder,
 * size, modification time, mode and owner, and for files the Versions and "Save a copy as…" actions.
 * Items borg lists under the same name as a sibling (non-UTF-8 bytes shown as "?") carry a note:
 * they can only be restored with their folder.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ArchiveEntry } from '../../../src-main/model/archive.js';
import { ByteSize } from '../../components/ByteSize.js';
import { Icon, type IconName } from '../../components/Icon.js';
import { formatCount, formatDateTime } from '../../lib/format.js';
import { nameOf, ownerOf, parentOf } from './archive-paths.js';
import sharedStyles from './archives.module.css';
import styles from './EntryRow.module.css';

/** Which columns a grid shows. */
export type GridVariant = 'folder' | 'search';

/** Props of {@link EntryRow}. */
export interface EntryRowProps {
  readonly id: string;
  readonly index: number;
  readonly top: number;
  readonly variant: GridVariant;
  readonly entry: ArchiveEntry;
  /** The ticked path that includes this entry (itself or a folder above it). */
  readonly coveredBy: string | undefined;
  readonly active: boolean;
  readonly highlighted: boolean;
  readonly onActivate: (index: number) => void;
  readonly onOpen: (entry: ArchiveEntry) => void;
  readonly onToggle: (entry: ArchiveEntry, checked: boolean) => void;
  readonly onVersions: (entry: ArchiveEntry) => void;
  readonly onSaveCopy: (entry: ArchiveEntry) => void;
}

const icons: Record<ArchiveEntry['type'], IconName> = {
  directory: 'folder',
  file: 'file',
  symlink: 'link',
  other: 'file',
};

function sizeCell(entry: ArchiveEntry, t: TFunction<'archives'>) {
  if (entry.type === 'directory') {
    if (entry.childCount === undefined) return <span className="muted">—</span>;
    return (
      <span className="muted num">
        {t('items', { count: entry.childCount, items: formatCount(entry.childCount) })}
      </span>
    );
  }
  return <ByteSize bytes={entry.size} />;
}

/** A row of the archive grid (memoised: scrolling re-renders only rows whose props changed). */
export const EntryRow = memo(function EntryRow(props: EntryRowProps) {
  const { id, index, top, variant, entry, coveredBy, active, highlighted } = props;
  const { t } = useTranslation('archives');
  const inherited = coveredBy !== undefined && coveredBy !== entry.path;
  const classes = [
    sharedStyles.entryRow,
    active ? 'active' : '',
    highlighted ? sharedStyles.revealed : '',
    coveredBy ? 'checked' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const folder = parentOf(entry.path);
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={coveredBy !== undefined}
      className={classes}
      // A stable hook for tests: the scoped class name is not.
      data-revealed={highlighted || undefined}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => props.onActivate(index)}
      onDoubleClick={() => props.onOpen(entry)}
    >
      <div role="gridcell" className={`cell ${sharedStyles.cellCheck}`}>
        <input
          type="checkbox"
          aria-label={t('row.select', { name: entry.name })}
          checked={coveredBy !== undefined}
          title={
            inherited ? t('row.included', { name: nameOf(coveredBy) || t('row.wholeArchive') }) : undefined
          }
          onChange={(e) => props.onToggle(entry, e.target.checked)}
          onClick={(e) => e.stopPropagation()}
          tabIndex={active ? 0 : -1}
        />
      </div>
      <div role="gridcell" className={`cell ${sharedStyles.cellName}`}>
        <Icon name={icons[entry.type]} className={`${styles.typeIcon} ${styles[`type-${entry.type}`]}`} />
        <span className={styles.entryName} title={entry.path} translate="no">
          {entry.name}
        </span>
        {entry.linkTarget ? (
          <span className={styles.linkTarget} translate="no">
            → {entry.linkTarget}
          </span>
        ) : null}
        {entry.ambiguous ? (
          <span className="chip chip-warn" title={t('row.ambiguousHint')}>
            {t('row.ambiguous')}
          </span>
        ) : null}
      </div>
      {variant === 'search' ? (
        <div
          role="gridcell"
          className={`cell ${sharedStyles.cellFolder}`}
          title={folder || '/'}
          translate="no"
        >
          {folder === '' ? <span className="muted">/</span> : folder}
        </div>
      ) : null}
      <div role="gridcell" className={`cell ${sharedStyles.cellSize}`}>
        {sizeCell(entry, t)}
      </div>
      <div role="gridcell" className={`cell ${sharedStyles.cellMtime}`}>
        {formatDateTime(entry.mtime)}
      </div>
      {variant === 'folder' ? (
        <>
          <div role="gridcell" className={`cell ${sharedStyles.cellMode}`} translate="no">
            <code>{entry.mode}</code>
          </div>
          <div
            role="gridcell"
            className={`cell ${sharedStyles.cellOwner}`}
            title={`${entry.user}:${entry.group}`}
            translate="no"
          >
            {ownerOf(entry)}
          </div>
        </>
      ) : null}
      <div role="gridcell" className={`cell ${sharedStyles.cellActions}`}>
        {entry.type === 'file' ? (
          <>
            <button
              type="button"
              className="icon-button"
              aria-label={t('row.versions')}
              title={t('row.versionsHint')}
              tabIndex={active ? 0 : -1}
              onClick={(e) => {
                e.stopPropagation();
                props.onVersions(entry);
              }}
            >
              <Icon name="history" />
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={t('row.saveCopy')}
              title={t('row.saveCopy')}
              tabIndex={active ? 0 : -1}
              onClick={(e) => {
                e.stopPropagation();
                props.onSaveCopy(entry);
              }}
            >
              <Icon name="save" />
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
});

/** A placeholder row while its page is on the way. */
export function LoadingRow({ index, top }: { readonly index: number; readonly top: number }) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-busy="true"
      className={`${sharedStyles.entryRow} ${sharedStyles.loading}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="gridcell" className={`cell ${sharedStyles.cellSkeleton}`}>
        <span />
      </div>
    </div>
  );
}
