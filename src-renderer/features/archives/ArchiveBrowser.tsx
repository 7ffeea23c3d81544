/**
 * The archive browser: find a file among a million and restore it calmly. Folders are browsed in a
 * virtualized grid while the archive is still being read; a search box finds items by name or
 * pattern; ticked items (across folders and results) go to the restore dialog.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveEntry, EntrySort } from '../../../src-main/model/archive.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { useAppStore } from '../../stores/app-store.js';
import { indexKey, useArchiveIndexStore } from '../../stores/archive-index-store.js';
import { RestoreJobCard } from '../restore/RestoreJobCard.js';
import { ArchiveBreadcrumbs } from './ArchiveBreadcrumbs.js';
import { BrowserHeader } from './BrowserHeader.js';
import { isFolder, parentOf, searchModeFor } from './archive-paths.js';
import { FolderPane } from './FolderPane.js';
import { KeyboardHelp } from './KeyboardHelp.js';
import { FolderTree } from './FolderTree.js';
import { MountBanner } from './MountControls.js';
import { SearchPane } from './SearchPane.js';
import { SelectionBar } from './SelectionBar.js';
import { coveringPath, selectedPaths } from './selection.js';
import { useArchiveSearch } from './use-archive-search.js';
import { useIndexStamp } from './use-index-stamp.js';
import { useSelection } from './use-selection.js';
import styles from './ArchiveBrowser.module.css';
import sharedStyles from './archives.module.css';

/** Props of {@link ArchiveBrowser}. */
export interface ArchiveBrowserProps {
  readonly repo: RepositorySummary;
  readonly archiveName: string;
  /** The archive's id: what tells borg 2's archives of one name (a series) apart. */
  readonly archiveId?: string | undefined;
  /** An archive path to reveal when the browser opens (from the search across archives). */
  readonly reveal?: string;
  readonly revealId?: number;
}

let revealCounter = 0;

/** The archive browser screen. */
export function ArchiveBrowser({ repo, archiveName, archiveId, reveal, revealId }: ArchiveBrowserProps) {
  const archive = useMemo(
    () =>
      archiveId === undefined
        ? { repoId: repo.id, archiveName }
        : { repoId: repo.id, archiveName, archiveId },
    [repo.id, archiveName, archiveId],
  );
  const { t } = useTranslation(['archives', 'common']);
  const openDialog = useAppStore((s) => s.openDialog);
  const indexState = useArchiveIndexStore((s) => s.states[indexKey(archive)]);
  const openIndex = useArchiveIndexStore((s) => s.open);
  const stamp = useIndexStamp(indexState);
  const loading = indexState?.status !== 'ready';
  const [openError, setOpenError] = useState<ErrorInfo>();

  const [path, setPath] = useState('');
  const [sort, setSort] = useState<EntrySort>({ key: 'name', direction: 'asc' });
  const [query, setQuery] = useState('');
  const [showResults, setShowResults] = useState(false);
  const [target, setTarget] = useState<{ path: string; id: number }>();
  // Only narrow windows hide the tree (CSS); there this opens it over the list.
  const [foldersOpen, setFoldersOpen] = useState(false);
  const { selection, problem, toggle, clear } = useSelection(archive, !loading);
  const search = useArchiveSearch(archive, showResults ? query : '', stamp);

  const reopen = useCallback(() => {
    setOpenError(undefined);
    openIndex(archive).catch((e: unknown) => setOpenError(toErrorInfo(e, t('browser.couldNotOpen'))));
  }, [archive, openIndex, t]);
  useEffect(reopen, [reopen]);

  const navigate = useCallback((folder: string) => {
    setShowResults(false);
    setTarget(undefined);
    setPath(folder);
  }, []);
  const revealPath = useCallback((item: string) => {
    setShowResults(false);
    setPath(parentOf(item));
    setTarget({ path: item, id: (revealCounter += 1) });
  }, []);
  const lastReveal = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (reveal === undefined || revealId === lastReveal.current) return;
    lastReveal.current = revealId;
    revealPath(reveal);
  }, [reveal, revealId, revealPath]);

  const onTreeNavigate = useCallback(
    (folder: string) => {
      navigate(folder);
      setFoldersOpen(false);
    },
    [navigate],
  );
  const onToggle = useCallback((e: ArchiveEntry, checked: boolean) => toggle(e, checked), [toggle]);
  const onOpen = useCallback((e: ArchiveEntry) => (isFolder(e) ? navigate(e.path) : undefined), [navigate]);
  const onUp = useCallback(() => navigate(parentOf(path)), [navigate, path]);
  const onReveal = useCallback((e: ArchiveEntry) => revealPath(e.path), [revealPath]);
  const onVersions = useCallback(
    (e: ArchiveEntry) => openDialog({ kind: 'versions', repoId: repo.id, path: e.path }),
    [openDialog, repo.id],
  );
  const onSaveCopy = useCallback(
    (e: ArchiveEntry) => openDialog({ kind: 'save-copy', ...archive, path: e.path }),
    [openDialog, archive],
  );
  const onSort = useCallback((key: EntrySort['key']) => {
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }));
  }, []);

  const folderCovered = coveringPath(selection, path) !== undefined;
  const selectAll = (
    <input
      type="checkbox"
      aria-label={t('browser.selectAll')}
      title={t('browser.selectAll')}
      checked={folderCovered}
      onChange={(e) => toggle({ path, type: 'directory' }, e.target.checked)}
    />
  );
  const failed = indexState?.status === 'failed' ? indexState.error : undefined;

  return (
    <div className="archive-browser">
      <BrowserHeader
        repo={repo}
        archiveName={archiveName}
        archiveId={archiveId}
        indexState={indexState}
        query={query}
        onQuery={(value) => {
          setQuery(value);
          setShowResults(value.trim() !== '');
        }}
      />
      <MountBanner repoId={repo.id} archiveName={archiveName} />

      {(openError ?? failed) ? (
        <div className={styles.browserError}>
          <ErrorMessage error={openError ?? failed ?? { message: '' }} title={t('browser.couldNotRead')} />
          <Button icon="refresh" onClick={reopen}>
            {t('common:actions.tryAgain')}
          </Button>
        </div>
      ) : null}

      <div className={styles.browserToolbar}>
        <Button
          size="small"
          variant="ghost"
          icon="folder"
          className={styles.foldersToggle}
          aria-expanded={foldersOpen}
          onClick={() => setFoldersOpen((open) => !open)}
        >
          {foldersOpen ? t('browser.hideFolders') : t('browser.showFolders')}
        </Button>
        <Button
          size="small"
          variant="ghost"
          icon="chevronUp"
          onClick={onUp}
          disabled={path === '' || showResults}
        >
          {t('browser.up')}
        </Button>
        {showResults ? (
          <p className={styles.browserWhere}>{t('browser.searchResults')}</p>
        ) : (
          <ArchiveBreadcrumbs path={path} onNavigate={navigate} />
        )}
        {!showResults && query.trim() !== '' ? (
          <Button size="small" variant="ghost" icon="search" onClick={() => setShowResults(true)}>
            {t('browser.backToResults')}
          </Button>
        ) : null}
        <KeyboardHelp />
      </div>

      {problem ? <ErrorMessage error={problem} /> : null}

      <div
        className={
          foldersOpen ? `${sharedStyles.browserBody} ${sharedStyles.foldersOpen}` : sharedStyles.browserBody
        }
      >
        <aside
          className={sharedStyles.browserFolders}
          onKeyDown={(e) => (e.key === 'Escape' && foldersOpen ? setFoldersOpen(false) : undefined)}
        >
          <FolderTree
            key={indexKey(archive)}
            archive={archive}
            path={path}
            stamp={stamp}
            onNavigate={onTreeNavigate}
          />
        </aside>
        <div className={sharedStyles.browserList}>
          {showResults ? (
            <SearchPane
              search={search}
              glob={searchModeFor(query.trim()) === 'glob'}
              loading={loading}
              selection={selection}
              onToggle={onToggle}
              onReveal={onReveal}
              onVersions={onVersions}
              onSaveCopy={onSaveCopy}
            />
          ) : (
            <FolderPane
              archive={archive}
              path={path}
              sort={sort}
              onSort={onSort}
              stamp={stamp}
              loading={loading}
              selection={selection}
              onToggle={onToggle}
              onOpen={onOpen}
              onUp={onUp}
              onVersions={onVersions}
              onSaveCopy={onSaveCopy}
              reveal={target}
              selectAll={selectAll}
            />
          )}
        </div>
      </div>

      <SelectionBar
        selection={selection}
        onClear={clear}
        onRestore={() => openDialog({ kind: 'restore', ...archive, paths: selectedPaths(selection) })}
      />
      <RestoreJobCard repoId={repo.id} />
    </div>
  );
}
