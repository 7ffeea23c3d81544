/**
 * One folder of the archive in the virtualized grid, pages fetched as the user scrolls. Reveals a
 * path on request: asks the core for its row, scrolls to it and highlights it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveEntry, ArchiveRef, EntrySort } from '../../../src-main/model/archive.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { EntryGrid } from './EntryGrid.js';
import { locateInFolder, useFolderPages } from './folder-pages.js';
import type { Selection } from './selection.js';

/** Props of {@link FolderPane}. */
export interface FolderPaneProps {
  readonly archive: ArchiveRef;
  readonly path: string;
  readonly sort: EntrySort;
  readonly onSort: (key: EntrySort['key']) => void;
  readonly stamp: string;
  readonly loading: boolean;
  readonly selection: Selection;
  readonly onToggle: (entry: ArchiveEntry, checked: boolean) => void;
  readonly onOpen: (entry: ArchiveEntry) => void;
  readonly onUp: () => void;
  readonly onVersions: (entry: ArchiveEntry) => void;
  readonly onSaveCopy: (entry: ArchiveEntry) => void;
  /** A path in this folder to scroll to and highlight. */
  readonly reveal?: { readonly path: string; readonly id: number };
  readonly selectAll: ReactNode;
}

/** The folder list. */
export function FolderPane(props: FolderPaneProps) {
  const { archive, path, sort, stamp, reveal, loading } = props;
  const { t } = useTranslation('archives');
  const folder = useFolderPages(archive, path, sort, stamp);
  const [scrollTo, setScrollTo] = useState<{ index: number; id: number }>();
  const [found, setFound] = useState<number>();
  // Opening a folder mounts a new grid: focus moves on to it, so the keyboard stays in the grid.
  const focusHandoff = useRef(false);

  // Look again whenever the index grows: a revealed item may not have been listed yet.
  const { repoId, archiveName, archiveId } = archive;
  const revealPath = reveal?.path;
  const revealId = reveal?.id;
  useEffect(() => {
    if (revealPath === undefined || revealId === undefined || found === revealId) return;
    let current = true;
    locateInFolder({ repoId, archiveName, archiveId }, path, sort, revealPath).then(
      (index) => {
        if (!current || index === undefined) return;
        setFound(revealId);
        setScrollTo({ index, id: revealId });
      },
      () => {
        // The grid shows the folder's own read error, if any.
      },
    );
    return () => {
      current = false;
    };
  }, [repoId, archiveName, archiveId, path, sort, revealPath, revealId, stamp, found]);

  const totals = folder.totals;
  const empty =
    totals === undefined ? (
      <span className="muted">{t('folder.loading')}</span>
    ) : loading ? (
      <span className="muted">{t('folder.notReadYet')}</span>
    ) : (
      <span className="muted">{t('folder.empty')}</span>
    );
  return (
    <>
      {folder.error ? <ErrorMessage error={folder.error} title={t('folder.couldNotRead')} /> : null}
      <EntryGrid
        key={`${path}\u0000${sort.key}\u0000${sort.direction}`}
        label={t('folder.gridLabel')}
        variant="folder"
        count={totals?.total ?? 0}
        entryAt={folder.entryAt}
        onRange={folder.request}
        sort={sort}
        onSort={props.onSort}
        selection={props.selection}
        onToggle={props.onToggle}
        onOpen={props.onOpen}
        onUp={props.onUp}
        onVersions={props.onVersions}
        onSaveCopy={props.onSaveCopy}
        highlightPath={revealPath}
        scrollTo={scrollTo}
        selectAll={props.selectAll}
        empty={empty}
        focusHandoff={focusHandoff}
      />
    </>
  );
}
