/**
 * Search inside one archive as the user types: debounced, a glob when the query holds * ? or [,
 * rerun while the index is still growing, and stale replies dropped.
 */
import { useEffect, useState } from 'react';
import type { ArchiveRef, SearchResult } from '../../../src-main/model/archive.js';
import { getApi } from '../../api/select-client.js';
import { toErrorInfo, type ErrorInfo } from '../../lib/error-info.js';
import { searchModeFor } from './archive-paths.js';

const DEBOUNCE_MS = 250;
/** Most matches shown; a search that finds more says so and asks for a narrower query. */
export const SEARCH_LIMIT = 2000;

/** The state of a search. */
export interface ArchiveSearch {
  readonly result: SearchResult | undefined;
  readonly searching: boolean;
  readonly error: ErrorInfo | undefined;
}

/** Searches `ref` for `query` (trimmed; nothing happens for an empty query). */
export function useArchiveSearch(ref: ArchiveRef, query: string, stamp: string): ArchiveSearch {
  const [state, setState] = useState<ArchiveSearch>({
    result: undefined,
    searching: false,
    error: undefined,
  });
  const trimmed = query.trim();
  const { repoId, archiveName } = ref;
  useEffect(() => {
    if (trimmed === '') {
      setState({ result: undefined, searching: false, error: undefined });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, searching: true }));
    const timer = setTimeout(() => {
      getApi()
        .invoke('archives:search', {
          repoId,
          archiveName,
          query: trimmed,
          mode: searchModeFor(trimmed),
          limit: SEARCH_LIMIT,
        })
        .then(
          (result) => {
            if (current) setState({ result, searching: false, error: undefined });
          },
          (e: unknown) => {
            if (current)
              setState({ result: undefined, searching: false, error: toErrorInfo(e, 'The search failed.') });
          },
        );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [repoId, archiveName, trimmed, stamp]);
  return state;
}
