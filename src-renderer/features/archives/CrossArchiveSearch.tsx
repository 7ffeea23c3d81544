/**
 * Search all archives: one query over every archive of the repository (each archive's contents
 * index is built as needed), results grouped by path with the archives that hold it. Choosing an
 * archive opens its browser with the item revealed.
 */
import { useMemo, useState } from 'react';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { formatCount, formatDateTime, parseDate } from '../../lib/format.js';
import { useAction } from '../../lib/use-request.js';
import { useReposStore } from '../../stores/repos-store.js';
import { useViewStore } from '../../stores/view-store.js';
import { nameOf, parentOf, searchModeFor } from './archive-paths.js';
import { SearchBox } from './SearchBox.js';
import { useIndexingProgress } from './use-indexing-progress.js';
import styles from './CrossArchiveSearch.module.css';
import sharedStyles from './archives.module.css';

/** Props of {@link CrossArchiveSearch}. */
export interface CrossArchiveSearchProps {
  readonly repo: RepositorySummary;
}

const LIMIT = 1000;

/** The search-all-archives screen. */
export function CrossArchiveSearch({ repo }: CrossArchiveSearchProps) {
  const show = useViewStore((s) => s.show);
  const showOverview = useViewStore((s) => s.showOverview);
  const archives = useReposStore((s) => s.details[repo.id]?.data?.archives);
  const indexing = useIndexingProgress(repo.id);
  const [query, setQuery] = useState('');
  // The query the results answer: the box may have changed since.
  const [answered, setAnswered] = useState('');
  const search = useAction('archives:search-all', {
    fallback: 'The archives could not be searched.',
    onSuccess: (_result, params) => setAnswered(params.query),
  });
  const { pending: running, error } = search;
  const answer = search.data && { query: answered, ...search.data };

  // Newest archive first inside every group.
  const startOf = useMemo(() => {
    const map = new Map<string, number>();
    for (const a of archives ?? []) map.set(a.name, parseDate(a.start)?.getTime() ?? 0);
    return map;
  }, [archives]);

  const run = (): void => {
    const trimmed = query.trim();
    if (trimmed === '' || running) return;
    search.run({ repoId: repo.id, query: trimmed, mode: searchModeFor(trimmed), limit: LIMIT });
  };

  return (
    <div className={styles.crossSearch}>
      <header className="browser-header">
        <Button variant="ghost" size="small" icon="arrowLeft" onClick={() => showOverview(repo.id)}>
          {repo.name}
        </Button>
        <h1 className="repo-title">
          <Icon name="search" size={20} /> Search all archives
        </h1>
        <p className="muted">
          Find a file or folder in every archive of {repo.name}, by name or a pattern like *.pdf.
        </p>
      </header>
      <form
        className={sharedStyles.crossSearchForm}
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <SearchBox
          value={query}
          onChange={setQuery}
          label="Search in all archives"
          placeholder="Name, or a pattern like *.pdf"
        />
        <Button type="submit" variant="primary" icon="search" busy={running} disabled={query.trim() === ''}>
          Search
        </Button>
      </form>
      {running ? (
        <p className={sharedStyles.indexingNote} role="status">
          <span className="spinner" aria-hidden="true" />
          Indexing archives… ({formatCount(indexing.done)} of {formatCount(indexing.total)})
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} title="Search failed" /> : null}
      {answer && !running ? (
        <p className="search-summary" role="status">
          {formatCount(answer.hits.length)} {answer.hits.length === 1 ? 'path' : 'paths'} match “
          {answer.query}” in {formatCount(answer.archivesSearched)}{' '}
          {answer.archivesSearched === 1 ? 'archive' : 'archives'}
          {answer.truncated
            ? ` — showing the first ${formatCount(LIMIT)}; refine the search to see others`
            : ''}
        </p>
      ) : null}
      {answer && answer.hits.length === 0 && !running ? (
        <EmptyState icon="search" title="Nothing found" compact>
          No archive holds a name matching “{answer.query}”.
        </EmptyState>
      ) : null}
      {answer && answer.hits.length > 0 ? (
        <ul className={styles.hitList} aria-label="Results by path">
          {answer.hits.map((hit) => (
            <li key={hit.path} className={`${styles.hit} card`}>
              <div className={styles.hitPath}>
                <Icon name={hit.type === 'directory' ? 'folder' : hit.type === 'symlink' ? 'link' : 'file'} />
                <strong>{nameOf(hit.path)}</strong>
                <span className={`muted ${styles.hitFolder}`}>{parentOf(hit.path) || '/'}</span>
                <span className={`${styles.hitCount} muted`}>
                  in {formatCount(hit.archives.length)} {hit.archives.length === 1 ? 'archive' : 'archives'}
                </span>
              </div>
              <ul className={styles.hitArchives}>
                {[...hit.archives]
                  .sort((a, b) => (startOf.get(b.archiveName) ?? 0) - (startOf.get(a.archiveName) ?? 0))
                  .map((copy) => (
                    <li key={copy.archiveName}>
                      <button
                        type="button"
                        className={`plain-button ${styles.hitArchive}`}
                        title={`Open ${copy.archiveName} at this item`}
                        onClick={() =>
                          show(repo.id, { kind: 'archive', archiveName: copy.archiveName, reveal: hit.path })
                        }
                      >
                        <Icon name="archive" size={14} />
                        <span className="archive-name">{copy.archiveName}</span>
                      </button>
                      <span className="muted">
                        <ByteSize bytes={hit.type === 'directory' ? undefined : copy.size} /> · modified{' '}
                        {formatDateTime(copy.mtime)}
                      </span>
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
