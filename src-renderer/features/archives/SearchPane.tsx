/**
 * Search results of one archive as a flat grid with each item's folder. A click reveals the item in
 * its folder; results can be ticked for the restore like any row.
 */
import { useTranslation } from 'react-i18next';
import type { ArchiveEntry } from '../../../src-main/model/archive.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { formatCount } from '../../lib/format.js';
import { EntryGrid } from './EntryGrid.js';
import type { Selection } from './selection.js';
import type { ArchiveSearch } from './use-archive-search.js';
import { SEARCH_LIMIT } from './use-archive-search.js';

/** Props of {@link SearchPane}. */
export interface SearchPaneProps {
  readonly search: ArchiveSearch;
  readonly glob: boolean;
  readonly loading: boolean;
  readonly selection: Selection;
  readonly onToggle: (entry: ArchiveEntry, checked: boolean) => void;
  readonly onReveal: (entry: ArchiveEntry) => void;
  readonly onVersions: (entry: ArchiveEntry) => void;
  readonly onSaveCopy: (entry: ArchiveEntry) => void;
}

const noop = (): void => {};

/** The results list. */
export function SearchPane({ search, glob, loading, ...rest }: SearchPaneProps) {
  const { t } = useTranslation('archives');
  const matches = search.result?.matches ?? [];
  const summary =
    search.searching && loading
      ? t('search.whileReading')
      : search.result
        ? `${t('search.matches', { count: matches.length, matches: formatCount(matches.length) })}${
            search.result.truncated ? t('truncated', { limit: formatCount(SEARCH_LIMIT) }) : ''
          }`
        : t('search.searching');
  return (
    <>
      <p className="search-summary" role="status">
        {search.searching ? <span className="spinner" aria-hidden="true" /> : null}
        <span>{summary}</span>
        <span className="muted">
          {' · '}
          {glob ? t('search.wildcard') : t('search.containing')}
        </span>
      </p>
      {search.error ? <ErrorMessage error={search.error} title={t('searchFailed')} /> : null}
      <EntryGrid
        label={t('browser.searchResults')}
        variant="search"
        count={matches.length}
        entryAt={(index) => matches[index]}
        onRange={noop}
        selection={rest.selection}
        onToggle={rest.onToggle}
        onOpen={rest.onReveal}
        openOnClick
        onVersions={rest.onVersions}
        onSaveCopy={rest.onSaveCopy}
        empty={search.result ? <span className="muted">{t('search.nothing')}</span> : null}
      />
    </>
  );
}
