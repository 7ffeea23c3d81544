/**
 * Reading archive folders through the shared page cache: a hook for the virtualized list (fetches the
 * pages of the rows on screen) and helpers that read a whole folder or find one entry's row.
 */
import i18next from 'i18next';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ArchiveEntry, ArchiveRef, EntrySort } from '../../../src-main/model/archive.js';
import { getApi } from '../../api/select-client.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { formatCount } from '../../lib/format.js';
import { FolderPageCache, folderKey, PAGE_SIZE, type FolderTotals } from './folder-page-cache.js';
import type { RowRange } from './virtual-window.js';

// One cache for the page's lifetime: going back to a folder (or a sort order) is instant.
const cache = new FolderPageCache();
const inFlight = new Set<string>();
// The largest window the contract allows; used when a whole folder has to be read.
const CHUNK = 5000;

/** A folder as the list sees it. */
export interface FolderView {
  /** Undefined until the first page has arrived. */
  readonly totals: FolderTotals | undefined;
  entryAt(index: number): ArchiveEntry | undefined;
  /** Reports the rows on screen; pages not cached yet are fetched. */
  request(range: RowRange): void;
  readonly error: ErrorInfo | undefined;
}

/** Pages of one folder in one sort order; `stamp` changes when the archive's index has grown. */
export function useFolderPages(ref: ArchiveRef, path: string, sort: EntrySort, stamp: string): FolderView {
  const key = folderKey(ref, path, sort);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const [error, setError] = useState<ErrorInfo>();
  const rangeRef = useRef<RowRange>({ first: 0, last: 1 });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const request = useCallback(
    (range: RowRange) => {
      rangeRef.current = range;
      for (const page of cache.pagesToFetch(key, range.first, range.last, stamp)) {
        const flight = `${key}#${page}#${stamp}`;
        if (inFlight.has(flight)) continue;
        inFlight.add(flight);
        getApi()
          .invoke('archives:folder', { ...ref, path, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
          .then(
            (reply) => {
              cache.put(key, reply, stamp);
              if (alive.current) {
                setError(undefined);
                bump();
              }
            },
            (e: unknown) => {
              if (alive.current)
                setError(toErrorInfo(e, i18next.t('folder.couldNotReadError', { ns: 'archives' })));
            },
          )
          .finally(() => inFlight.delete(flight));
      }
    },
    // ref is rebuilt by callers on every render; its two fields are what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, stamp],
  );

  // A new folder starts at the top; a grown index refreshes the rows on screen.
  const lastKey = useRef(key);
  useEffect(() => {
    if (lastKey.current !== key) rangeRef.current = { first: 0, last: 1 };
    lastKey.current = key;
    request(rangeRef.current);
  }, [key, request]);

  return {
    totals: cache.totals(key),
    entryAt: (index) => cache.entryAt(key, index),
    request,
    error,
  };
}

/**
 * The row of `target` in `folder` under `sort`, asked of the core in one request (it knows the
 * folder's sorted order); undefined while borg has not listed it yet, or when it lives elsewhere.
 */
export async function locateInFolder(
  ref: ArchiveRef,
  folder: string,
  sort: EntrySort,
  target: string,
): Promise<number | undefined> {
  const found = await getApi().invoke('archives:locate', { ...ref, path: target, sort });
  return found.folder === folder && found.index !== null ? found.index : undefined;
}

/** Every entry of a folder, or an error when it holds more than `max` (too many to tick one by one). */
export async function readWholeFolder(
  ref: ArchiveRef,
  path: string,
  max: number,
): Promise<readonly ArchiveEntry[]> {
  const sort: EntrySort = { key: 'name', direction: 'asc' };
  const entries: ArchiveEntry[] = [];
  for (let offset = 0; ; offset += CHUNK) {
    const reply = await getApi().invoke('archives:folder', { ...ref, path, sort, offset, limit: CHUNK });
    if (reply.total > max) {
      throw new Error(
        i18next.t('selection.tooMany', { ns: 'archives', path, items: formatCount(reply.total) }),
      );
    }
    entries.push(...reply.entries);
    if (reply.entries.length < CHUNK || entries.length >= reply.total) return entries;
  }
}
