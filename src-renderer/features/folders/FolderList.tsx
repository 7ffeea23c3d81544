/**
 * The folders of one location: a checkbox to select each, its name to open it, and a row to go up.
 */
import type { FolderListing } from '../../../src-main/model/folders.js';
import { Icon } from '../../components/Icon.js';
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
  const folders = listing?.entries.filter((entry) => entry.isDirectory) ?? [];
  const fileCount = (listing?.entries.length ?? 0) - folders.length;
  return (
    <div className={styles.folderList} aria-busy={loading}>
      {listing?.parent ? (
        <div className={`${styles.folderRow} ${styles.folderUp}`}>
          <span className={styles.folderCheck} />
          <button type="button" className={styles.folderName} onClick={() => onOpen(listing.parent ?? '/')}>
            <Icon name="chevronUp" />
            <span>Parent folder</span>
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
                aria-label={`Select ${entry.name}`}
                onChange={(e) => onToggle(entry.path, e.target.checked)}
              />
            </span>
            <button
              type="button"
              className={styles.folderName}
              onClick={() => onOpen(entry.path)}
              title={`Open ${entry.path}`}
            >
              <Icon name="folder" />
              <span>{entry.name}</span>
            </button>
          </div>
        );
      })}
      {!loading && listing && folders.length === 0 ? (
        <p className={styles.folderEmpty}>
          No folders here{fileCount > 0 ? ` (${fileCount} ${fileCount === 1 ? 'file' : 'files'})` : ''}.
        </p>
      ) : null}
      {listing && fileCount > 0 && folders.length > 0 ? (
        <p className={styles.folderFilesNote}>
          and {fileCount} {fileCount === 1 ? 'file' : 'files'}
        </p>
      ) : null}
      {listing?.truncated ? (
        <p className={styles.folderFilesNote} role="note">
          This folder holds too many entries to list them all; only {listing.entries.length.toLocaleString()}{' '}
          are shown, folders first. Type a path above to open one that is not listed.
        </p>
      ) : null}
    </div>
  );
}
