/**
 * The folders of one location: a checkbox to select each, its name to open it, and a row to go up.
 */
import { useTranslation } from 'react-i18next';
import type { FolderListing } from '../../../src-main/model/folders.js';
import { Icon } from '../../components/Icon.js';
import { formatCount } from '../../lib/format.js';
import styles from './folders.module.css';

/** Props of {@link FolderList}. */
export interface FolderListProps {
  readonly listing: FolderListing | undefined;
  readonly loading: boolean;
  readonly selected: readonly string[];
  readonly onOpen: (path: string) => void;
  readonly onToggle: (path: string, checked: boolean) => void;
}

/** The scrollable folder list of the in-app browser. */
export function FolderList({ listing, loading, selected, onOpen, onToggle }: FolderListProps) {
  const { t } = useTranslation('folders');
  const folders = listing?.entries.filter((entry) => entry.isDirectory) ?? [];
  const fileCount = (listing?.entries.length ?? 0) - folders.length;
  return (
    <div className={styles.folderList} aria-busy={loading}>
      {listing?.parent ? (
        <div className={`${styles.folderRow} ${styles.folderUp}`}>
          <span className={styles.folderCheck} />
          <button type="button" className={styles.folderName} onClick={() => onOpen(listing.parent ?? '/')}>
            <Icon name="chevronUp" />
            <span>{t('list.parent')}</span>
          </button>
        </div>
      ) : null}
      {folders.map((entry) => {
        const checked = selected.includes(entry.path);
        return (
          <div key={entry.path} className={checked ? `${styles.folderRow} checked` : styles.folderRow}>
            <span className={styles.folderCheck}>
              <input
                type="checkbox"
                checked={checked}
                aria-label={t('list.select', { name: entry.name })}
                onChange={(e) => onToggle(entry.path, e.target.checked)}
              />
            </span>
            <button
              type="button"
              className={styles.folderName}
              onClick={() => onOpen(entry.path)}
              title={t('list.open', { path: entry.path })}
            >
              <Icon name="folder" />
              <span translate="no">{entry.name}</span>
            </button>
          </div>
        );
      })}
      {!loading && listing && folders.length === 0 ? (
        <p className={styles.folderEmpty}>
          {fileCount > 0
            ? t('list.noFoldersButFiles', { count: fileCount, figure: formatCount(fileCount) })
            : t('list.noFolders')}
        </p>
      ) : null}
      {listing && fileCount > 0 && folders.length > 0 ? (
        <p className={styles.folderFilesNote}>
          {t('list.andFiles', { count: fileCount, figure: formatCount(fileCount) })}
        </p>
      ) : null}
      {listing?.truncated ? (
        <p className={styles.folderFilesNote} role="note">
          {t('list.truncated', { figure: formatCount(listing.entries.length) })}
        </p>
      ) : null}
    </div>
  );
}
