/**
 * The folders of one location: a checkbox to select each, its name to open it, and a row to go up.
 */
import type { FolderListing } from '../../../src-main/model/folders.js';
import { Icon } from '../../components/Icon.js';

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
    <div className="folder-list" aria-busy={loading}>
      {listing?.parent ? (
        <div className="folder-row folder-up">
          <span className="folder-check" />
          <button type="button" className="folder-name" onClick={() => onOpen(listing.parent ?? '/')}>
            <Icon name="chevronUp" />
            <span>Parent folder</span>
          </button>
        </div>
      ) : null}
      {folders.map((entry) => {
        const checked = selected.includes(entry.path);
        return (
          <div key={entry.path} className={checked ? 'folder-row checked' : 'folder-row'}>
            <span className="folder-check">
              <input
                type="checkbox"
                checked={checked}
                aria-label={`Select ${entry.name}`}
                onChange={(e) => onToggle(entry.path, e.target.checked)}
              />
            </span>
            <button
              type="button"
              className="folder-name"
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
        <p className="folder-empty">
          No folders here{fileCount > 0 ? ` (${fileCount} ${fileCount === 1 ? 'file' : 'files'})` : ''}.
        </p>
      ) : null}
      {listing && fileCount > 0 && folders.length > 0 ? (
        <p className="folder-files-note">
          and {fileCount} {fileCount === 1 ? 'file' : 'files'}
        </p>
      ) : null}
      {listing?.truncated ? (
        <p className="folder-files-note" role="note">
          This folder holds too many entries to list them all; only {listing.entries.length.toLocaleString()}{' '}
          are shown, folders first. Type a path above to open one that is not listed.
        </p>
      ) : null}
    </div>
  );
}
