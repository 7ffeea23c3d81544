/**
 * The folder tree's state bound to the host: reads the sub-folders of expanded folders with
 * `archives:folder` (again when the index has grown, for folders read while it was loading) and
 * expands the ancestors of the folder the list shows.
 */
import i18next from 'i18next';
import { useEffect, useReducer, useRef, type Dispatch } from 'react';
import type { ArchiveRef } from '../../../src-main/model/archive.js';
import { getApi } from '../../api/select-client.js';
import { toErrorInfo } from '../../lib/error-info.js';
import {
  folderTreeReducer,
  foldersToLoad,
  initialTreeState,
  type FolderTreeAction,
  type FolderTreeState,
  type LoadedChildren,
} from './folder-tree-state.js';
import { FOLDERS_FIRST, readSubfolders } from './subfolders.js';

async function loadChildren(ref: ArchiveRef, path: string, stamp: string): Promise<LoadedChildren> {
  const { folders, complete } = await readSubfolders((offset, limit) =>
    getApi().invoke('archives:folder', { ...ref, path, sort: FOLDERS_FIRST, offset, limit }),
  );
  return {
    folders: folders.map((entry) => ({
      path: entry.path,
      name: entry.name,
      // While the index loads, an empty folder may still be filled in.
      mayHaveChildren: !complete || entry.childCount === undefined || entry.childCount > 0,
    })),
    complete,
    stamp,
  };
}

/** The tree of `archive`, following `path` (the folder the list shows); `stamp` as in useIndexStamp. */
export function useFolderTree(
  archive: ArchiveRef,
  path: string,
  stamp: string,
): [FolderTreeState, Dispatch<FolderTreeAction>] {
  const [state, dispatch] = useReducer(folderTreeReducer, initialTreeState);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  useEffect(() => dispatch({ type: 'reveal', path }), [path]);

  const { repoId, archiveName, archiveId } = archive;
  useEffect(() => {
    // Nothing is listed before the archive is opened.
    if (stamp === 'none') return;
    for (const folder of foldersToLoad(state, stamp)) {
      dispatch({ type: 'load-start', path: folder, stamp });
      loadChildren({ repoId, archiveName, archiveId }, folder, stamp).then(
        (children) => alive.current && dispatch({ type: 'loaded', path: folder, children }),
        (e: unknown) =>
          alive.current &&
          dispatch({
            type: 'load-failed',
            path: folder,
            message: toErrorInfo(e, i18next.t('folder.couldNotReadError', { ns: 'archives' })).message,
          }),
      );
    }
  }, [state, stamp, repoId, archiveName, archiveId]);

  return [state, dispatch];
}
