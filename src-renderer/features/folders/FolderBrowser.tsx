/**
 * The in-app folder browser for hosts without a native dialog: places on the left, a breadcrumb and
 * the folders of the current location, checkboxes to select one or several, and a Select button.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { FolderListing } from '../../../src-main/model/folders.js';
import { getApi } from '../../api/select-client.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { toCrumbs } from '../../lib/paths.js';
import { FolderList } from './FolderList.js';
import styles from './folders.module.css';

/** Props of {@link FolderBrowser}. */
export interface FolderBrowserProps {
  readonly title: string;
  readonly multiple: boolean;
  readonly startPath?: string;
  readonly onPick: (paths: string[]) => void;
  readonly onClose: () => void;
}

/** A modal folder browser. */
export function FolderBrowser({ title, multiple, startPath, onPick, onClose }: FolderBrowserProps) {
  const pathInputId = useId();
  const [listing, setListing] = useState<FolderListing>();
  const [error, setError] = useState<ErrorInfo>();
  const [loading, setLoading] = useState(true);
  const [showHidden, setShowHidden] = useState(false);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [typed, setTyped] = useState('');

  const open = useCallback(
    (path: string | undefined) => {
      setLoading(true);
      getApi()
        .invoke('fs:list-folder', { path, showHidden })
        .then(
          (result) => {
            setListing(result);
            setTyped(result.path);
            setError(undefined);
          },
          (e: unknown) => setError(toErrorInfo(e, 'This folder cannot be opened.')),
        )
        .finally(() => setLoading(false));
    },
    [showHidden],
  );

  const current = listing?.path;
  useEffect(() => {
    open(current ?? startPath);
    // Reload the same folder when "Show hidden" flips; navigation calls open() directly.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const toggle = (path: string, checked: boolean): void => {
    if (!multiple) setSelected(checked ? [path] : []);
    else setSelected((list) => (checked ? [...list, path] : list.filter((p) => p !== path)));
  };
  const choice = selected.length > 0 ? selected : current ? [current] : [];
  const summary =
    selected.length === 0
      ? current
        ? `Nothing ticked: “${current}” itself will be selected.`
        : ''
      : selected.length === 1
        ? `Selected: ${selected[0] ?? ''}`
        : `${selected.length} folders selected`;

  const pick = (): void => {
    if (choice.length === 0) return;
    onPick([...choice]);
    onClose();
  };

  return (
    <Dialog
      title={title}
      size="large"
      onClose={onClose}
      footer={
        <>
          <p className="footer-note" aria-live="polite">
            {summary}
          </p>
          <Button onClick={onClose}>Close</Button>
          <Button variant="primary" onClick={pick} disabled={choice.length === 0}>
            Select
          </Button>
        </>
      }
    >
      <div className={styles.folderBrowser}>
        <nav className={styles.folderPlaces} aria-label="Places">
          {listing?.places.map((place) => (
            <button
              key={place.path}
              type="button"
              className={place.path === current ? `${styles.place} active` : styles.place}
              onClick={() => open(place.path)}
            >
              <Icon name={place.path === '/' ? 'drive' : place.label === 'Home' ? 'home' : 'folder'} />
              <span>{place.label}</span>
            </button>
          ))}
        </nav>
        <div className={styles.folderMain}>
          <form
            className={styles.folderGoto}
            onSubmit={(event) => {
              event.preventDefault();
              event.stopPropagation();
              open(typed);
            }}
          >
            <label className="visually-hidden" htmlFor={pathInputId}>
              Folder path
            </label>
            <input
              id={pathInputId}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              spellCheck={false}
            />
            <Button type="submit" size="small">
              Go
            </Button>
            <label className={styles.checkInline}>
              <input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} />
              Show hidden
            </label>
          </form>
          {current ? (
            <nav className="breadcrumb" aria-label="Breadcrumb">
              {toCrumbs(current).map((crumb, index, all) => (
                <span key={crumb.path} className="crumb">
                  <button
                    type="button"
                    aria-current={index === all.length - 1 ? 'location' : undefined}
                    onClick={() => open(crumb.path)}
                  >
                    {crumb.label}
                  </button>
                  {index < all.length - 1 ? <Icon name="chevronRight" size={12} /> : null}
                </span>
              ))}
            </nav>
          ) : null}
          {error ? <ErrorMessage error={error} /> : null}
          <FolderList
            listing={listing}
            loading={loading}
            selected={selected}
            onOpen={open}
            onToggle={toggle}
          />
        </div>
      </div>
    </Dialog>
  );
}
