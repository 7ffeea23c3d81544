/**
 * Search inside one archive as the user types: debounced, a glob when the query holds * ? or [,
 * rerun while the index is still growing, and stale replies dropped (by useRequest).
 */
import { useTranslation } from 'react-i18next';
import type { ArchiveRef, SearchResult } from '../../../src-main/model/archive.js';
import type { ErrorInfo } from '../../lib/error-info.js';
import { useDebounced, useRequest } from '../../lib/use-request.js';
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
  const { t } = useTranslation('archives');
  const trimmed = query.trim();
  const settled = useDebounced(trimmed, DEBOUNCE_MS);
  const { repoId, archiveName } = ref;
  // An emptied box clears at once; a typed one waits until the typing pauses.
  const sent = trimmed === '' ? '' : settled;
  const { data, error, loading } = useRequest(
    'archives:search',
    sent === ''
      ? undefined
      : { repoId, archiveName, query: sent, mode: searchModeFor(sent), limit: SEARCH_LIMIT },
    { fallback: t('search.failed'), refresh: stamp },
  );
  if (trimmed === '') return { result: undefined, searching: false, error: undefined };
  return { result: error ? undefined : data, searching: loading || settled !== trimmed, error };
}
