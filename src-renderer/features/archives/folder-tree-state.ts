/**
 * The state of the folder tree beside the archive list: which folders are expanded, the sub-folders
 * read so far (cached per path), and how many of a large folder's children are shown. Pure, so the
 * tree's behaviour is tested without React or a host.
 */
import { archiveCrumbs, parentOf } from './archive-paths.js';

/** Children shown per folder at first, and added by each "Show more…". */
export const TREE_BATCH = 300;

/** One sub-folder as the tree knows it. */
export interface TreeFolder {
  readonly path: string;
  readonly name: string;
  /** False only when the folder is known to hold nothing (so it gets no chevron). */
  readonly mayHaveChildren: boolean;
}

/** The sub-folders of one folder, read at the index state `stamp`. */
export interface LoadedChildren {
  readonly folders: readonly TreeFolder[];
  /** False while the index is loading: the folder may gain sub-folders later. */
  readonly complete: boolean;
  readonly stamp: string;
}

/** Everything the tree remembers. */
export interface FolderTreeState {
  readonly expanded: Readonly<Record<string, boolean>>;
  readonly children: Readonly<Record<string, LoadedChildren>>;
  /** Folders being read, with the stamp the read started at. */
  readonly pending: Readonly<Record<string, string>>;
  /** Read errors, kept until the folder is collapsed so a failing folder is not read in a loop. */
  readonly errors: Readonly<Record<string, string>>;
  /** How many children each folder shows (absent: {@link TREE_BATCH}). */
  readonly shown: Readonly<Record<string, number>>;
}

/** What can happen to the tree. */
export type FolderTreeAction =
  | { readonly type: 'expand'; readonly path: string }
  | { readonly type: 'collapse'; readonly path: string }
  | { readonly type: 'reveal'; readonly path: string }
  | { readonly type: 'load-start'; readonly path: string; readonly stamp: string }
  | { readonly type: 'loaded'; readonly path: string; readonly children: LoadedChildren }
  | { readonly type: 'load-failed'; readonly path: string; readonly message: string }
  | { readonly type: 'show-more'; readonly path: string };

/** A tree with the root expanded and nothing read yet. */
export const initialTreeState: FolderTreeState = {
  expanded: { '': true },
  children: {},
  pending: {},
  errors: {},
  shown: {},
};

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

/** The tree's reducer. */
export function folderTreeReducer(state: FolderTreeState, action: FolderTreeAction): FolderTreeState {
  switch (action.type) {
    case 'expand':
      return state.expanded[action.path]
        ? state
        : { ...state, expanded: { ...state.expanded, [action.path]: true } };
    case 'collapse':
      // Collapsing forgets an error, so expanding again is the way to retry.
      return {
        ...state,
        expanded: without(state.expanded, action.path),
        errors: without(state.errors, action.path),
      };
    case 'reveal': {
      const ancestors = ['', ...archiveCrumbs(parentOf(action.path)).map((c) => c.path)];
      if (action.path === '' || ancestors.every((p) => state.expanded[p])) return state;
      const expanded = { ...state.expanded };
      for (const path of ancestors) expanded[path] = true;
      return { ...state, expanded };
    }
    case 'load-start':
      return { ...state, pending: { ...state.pending, [action.path]: action.stamp } };
    case 'loaded':
      return {
        ...state,
        pending: without(state.pending, action.path),
        errors: without(state.errors, action.path),
        children: { ...state.children, [action.path]: action.children },
      };
    case 'load-failed':
      return {
        ...state,
        pending: without(state.pending, action.path),
        errors: { ...state.errors, [action.path]: action.message },
      };
    case 'show-more':
      return {
        ...state,
        shown: { ...state.shown, [action.path]: (state.shown[action.path] ?? TREE_BATCH) + TREE_BATCH },
      };
  }
}

/** Expanded folders whose sub-folders must be read: never read, or read incomplete at an older stamp. */
export function foldersToLoad(state: FolderTreeState, stamp: string): string[] {
  return Object.keys(state.expanded).filter((path) => {
    if (!state.expanded[path] || state.pending[path] !== undefined || state.errors[path] !== undefined) {
      return false;
    }
    const loaded = state.children[path];
    return !loaded || (!loaded.complete && loaded.stamp !== stamp);
  });
}

/** One visible line of the tree: a folder, or the "Show more…" item of a large folder. */
export type TreeRow =
  | {
      readonly kind: 'folder';
      readonly path: string;
      readonly name: string;
      readonly level: number;
      readonly expanded: boolean;
      readonly expandable: boolean;
      readonly loading: boolean;
      readonly error: string | undefined;
      readonly position: number;
      readonly setSize: number;
    }
  | {
      readonly kind: 'more';
      /** The folder whose children continue. */
      readonly path: string;
      readonly level: number;
      readonly hidden: number;
      readonly position: number;
      readonly setSize: number;
    };

/** The lines of the tree in display order; the root is called `rootName`. */
export function visibleRows(state: FolderTreeState, rootName: string): TreeRow[] {
  const rows: TreeRow[] = [];
  const add = (folder: TreeFolder, level: number, position: number, setSize: number): void => {
    const loaded = state.children[folder.path];
    const knownEmpty = loaded !== undefined && loaded.complete && loaded.folders.length === 0;
    const expandable = folder.mayHaveChildren && !knownEmpty;
    const expanded = expandable && state.expanded[folder.path] === true;
    rows.push({
      kind: 'folder',
      path: folder.path,
      name: folder.name,
      level,
      expanded,
      expandable,
      loading: expanded && state.pending[folder.path] !== undefined && loaded === undefined,
      error: state.errors[folder.path],
      position,
      setSize,
    });
    if (!expanded || !loaded) return;
    const limit = Math.min(loaded.folders.length, state.shown[folder.path] ?? TREE_BATCH);
    const hidden = loaded.folders.length - limit;
    const size = limit + (hidden > 0 ? 1 : 0);
    loaded.folders.slice(0, limit).forEach((child, i) => add(child, level + 1, i + 1, size));
    if (hidden > 0) {
      rows.push({ kind: 'more', path: folder.path, level: level + 1, hidden, position: size, setSize: size });
    }
  };
  add({ path: '', name: rootName, mayHaveChildren: true }, 1, 1, 1);
  return rows;
}
