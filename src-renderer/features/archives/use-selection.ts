/**
 * The browser's restore selection with its one subtle case: unticking an item inside a ticked
 * folder replaces the folder by its contents minus that item, which needs the folders on the way
 * read in full (so only once the archive has been read completely).
 */
import i18next from 'i18next';
import { useCallback, useState } from 'react';
import type { ArchiveEntry, ArchiveRef } from '../../../src-main/model/archive.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { parentOf } from './archive-paths.js';
import { readWholeFolder } from './folder-pages.js';
import {
  coveringPath,
  emptySelection,
  excludeFromFolder,
  setSelected,
  type SelectedItem,
  type Selection,
} from './selection.js';

// Folders bigger than this are not expanded item by item.
const EXPAND_LIMIT = 20_000;

/** The selection and the ways to change it. */
export interface SelectionControls {
  readonly selection: Selection;
  readonly problem: ErrorInfo | undefined;
  toggle(item: SelectedItem, checked: boolean): void;
  clear(): void;
}

/** Selection state for one archive; `ready` tells whether its index is complete. */
export function useSelection(archive: ArchiveRef, ready: boolean): SelectionControls {
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [problem, setProblem] = useState<ErrorInfo>();
  const { repoId, archiveName } = archive;

  const leaveOut = useCallback(
    async (folder: string, path: string) => {
      if (!ready) {
        setProblem({
          message: i18next.t('selection.partOfFolder', { ns: 'archives', path }),
          remedy: i18next.t('selection.waitForIndex', { ns: 'archives' }),
        });
        return;
      }
      try {
        const children = new Map<string, SelectedItem[]>();
        for (let current = parentOf(path); ; current = parentOf(current)) {
          const entries = await readWholeFolder({ repoId, archiveName }, current, EXPAND_LIMIT);
          children.set(
            current,
            entries.map((e: ArchiveEntry) => ({ path: e.path, type: e.type })),
          );
          if (current === folder || current === '') break;
        }
        setSelection((s) => excludeFromFolder(s, folder, (p) => children.get(p) ?? [], path));
      } catch (e) {
        setProblem(toErrorInfo(e, i18next.t('selection.couldNotLeaveOut', { ns: 'archives' })));
      }
    },
    [repoId, archiveName, ready],
  );

  const toggle = useCallback(
    (item: SelectedItem, checked: boolean) => {
      setProblem(undefined);
      const covering = coveringPath(selection, item.path);
      if (!checked && covering !== undefined && covering !== item.path) {
        void leaveOut(covering, item.path);
        return;
      }
      setSelection((s) => setSelected(s, item, checked));
    },
    [selection, leaveOut],
  );

  const clear = useCallback(() => {
    setProblem(undefined);
    setSelection(emptySelection);
  }, []);

  return { selection, problem, toggle, clear };
}
