/**
 * The in-app folder browser for hosts without a native dialog: places on the left, a breadcrumb and
 * the folders of the current location, checkboxes to select one or several, and a Select button.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderListing } from '../../../src-main/model/folders.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { formatCount } from '../../lib/format.js';
import { toCrumbs } from '../../lib/paths.js';
import { useRequest } from '../../lib/use-request.js';
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
  const { t } = useTranslation(['folders', 'common']);
  const pathInputId = useId();
  const [showHidden, setShowHidden] = useState(false);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [typed, setTyped] = useState('');
  // Every visit reads the folder again, even the one shown (its contents may have changed).
  const [target, setTarget] = useState({ path: startPath, visit: 0 });
  const {
    data: listing,
    error,
    loading,
  } = useRequest(
    'fs:list-folder',
    { path: target.path, showHidden },
    {
      fallback: t('browser.openFailed'),
      refresh: String(target.visit),
      onSuccess: (l) => setTyped(l.path),
    },
  );

  const current = listing?.path;
  const open = (path: string | undefined): void => setTarget((t) => ({ path, visit: t.visit + 1 }));

  const toggle = (path: string, checked: boolean): void => {
    if (!multiple) setSelected(checked ? [path] : []);
    else setSelected((list) => (checked ? [...list, path] : list.filter((p) => p !== path)));
  };
  const choice = selected.length > 0 ? selected : current ? [current] : [];
  const summary =
    selected.length === 0
      ? current
        ? t('browser.nothingTicked', { path: current })
        : ''
      : selected.length === 1
        ? t('browser.selectedOne', { path: selected[0] ?? '' })
        : t('browser.selectedMany', { count: selected.length, figure: formatCount(selected.length) });

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
          <Button onClick={onClose}>{t('common:actions.close')}</Button>
          <Button variant="primary" onClick={pick} disabled={choice.length === 0}>
            {t('browser.select')}
          </Button>
        </>
      }
    >
      <div className={styles.folderBrowser}>
        <nav className={styles.folderPlaces} aria-label={t('browser.places')}>
          {listing?.places.map((place) => (
            <button
              key={place.path}
              type="button"
              className={place.path === current ? `${styles.place} active` : styles.place}
              onClick={() => open(place.path)}
            >
              <Icon name={place.path === '/' ? 'drive' : place.label === 'Home' ? 'home' : 'folder'} />
              <PlaceLabel place={place} />
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
              {t('browser.pathLabel')}
            </label>
            <input
              id={pathInputId}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              spellCheck={false}
              translate="no"
            />
            <Button type="submit" size="small">
              {t('browser.go')}
            </Button>
            <label className={styles.checkInline}>
              <input
                type="checkbox"
                checked={showHidden}
                onChange={(e) => {
                  // The folder shown is read again, with or without its hidden folders.
                  setShowHidden(e.target.checked);
                  open(current ?? startPath);
                }}
              />
              {t('browser.showHidden')}
            </label>
          </form>
          {current ? (
            <nav className="breadcrumb" aria-label={t('browser.breadcrumb')}>
              {toCrumbs(current).map((crumb, index, all) => (
                <span key={crumb.path} className="crumb">
                  <button
                    type="button"
                    translate="no"
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

// The core names two places in English ("Home", "Computer"); the rest are drives, named by the system.
function PlaceLabel({ place }: { readonly place: FolderListing['places'][number] }) {
  const { t } = useTranslation('folders');
  if (place.label === 'Home') return <span>{t('places.home')}</span>;
  if (place.label === 'Computer') return <span>{t('places.computer')}</span>;
  return <span translate="no">{place.label}</span>;
}
