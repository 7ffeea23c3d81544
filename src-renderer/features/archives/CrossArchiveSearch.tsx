/**
 * Search all archives: one query over every archive of the repository (each archive's contents
 * index is built as needed), results grouped by path with the archives that hold it. Choosing an
 * archive opens its browser with the item revealed.
 */
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('archives');
  const show = useViewStore((s) => s.show);
  const showOverview = useViewStore((s) => s.showOverview);
  const archives = useReposStore((s) => s.details[repo.id]?.data?.archives);
  const indexing = useIndexingProgress(repo.id);
  const [query, setQuery] = useState('');
  // The query the results answer: the box may have changed since.
  const [answered, setAnswered] = useState('');
  const search = useAction('archives:search-all', {
    fallback: t('searchAll.couldNotSearch'),
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
          <span translate="no">{repo.name}</span>
        </Button>
        <h1 className="repo-title">
          <Icon name="search" size={20} /> {t('searchAll.title')}
        </h1>
        <p className="muted">
          <Trans
            t={t}
            i18nKey="searchAll.intro"
            values={{ repository: repo.name }}
            components={{ repository: <span translate="no" /> }}
          />
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
          label={t('searchAll.label')}
          placeholder={t('searchAll.placeholder')}
        />
        <Button type="submit" variant="primary" icon="search" busy={running} disabled={query.trim() === ''}>
          {t('searchAll.search')}
        </Button>
      </form>
      {running ? (
        <p className={sharedStyles.indexingNote} role="status">
          <span className="spinner" aria-hidden="true" />
          {t('indexing', { done: formatCount(indexing.done), total: formatCount(indexing.total) })}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} title={t('searchFailed')} /> : null}
      {answer && !running ? (
        <p className="search-summary" role="status">
          <Trans
            t={t}
            i18nKey="searchAll.summary"
            count={answer.hits.length}
            values={{
              paths: formatCount(answer.hits.length),
              query: answer.query,
              archives: t('searchAll.archiveCount', {
                count: answer.archivesSearched,
                archives: formatCount(answer.archivesSearched),
              }),
            }}
            components={{ query: <span translate="no" /> }}
          />
          {answer.truncated ? t('truncated', { limit: formatCount(LIMIT) }) : ''}
        </p>
      ) : null}
      {answer && answer.hits.length === 0 && !running ? (
        <EmptyState icon="search" title={t('searchAll.nothingFound')} compact>
          <Trans
            t={t}
            i18nKey="searchAll.noMatch"
            values={{ query: answer.query }}
            components={{ query: <span translate="no" /> }}
          />
        </EmptyState>
      ) : null}
      {answer && answer.hits.length > 0 ? (
        <ul className={styles.hitList} aria-label={t('searchAll.resultsByPath')}>
          {answer.hits.map((hit) => (
            <li key={hit.path} className={`${styles.hit} card`}>
              <div className={styles.hitPath}>
                <Icon name={hit.type === 'directory' ? 'folder' : hit.type === 'symlink' ? 'link' : 'file'} />
                <strong translate="no">{nameOf(hit.path)}</strong>
                <span className={`muted ${styles.hitFolder}`} translate="no">
                  {parentOf(hit.path) || '/'}
                </span>
                <span className={`${styles.hitCount} muted`}>
                  {t('searchAll.inArchives', {
                    count: hit.archives.length,
                    archives: formatCount(hit.archives.length),
                  })}
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
                        title={t('searchAll.openAt', { archive: copy.archiveName })}
                        onClick={() =>
                          show(repo.id, { kind: 'archive', archiveName: copy.archiveName, reveal: hit.path })
                        }
                      >
                        <Icon name="archive" size={14} />
                        <span className="archive-name" translate="no">
                          {copy.archiveName}
                        </span>
                      </button>
                      <span className="muted">
                        <ByteSize bytes={hit.type === 'directory' ? undefined : copy.size} /> ·{' '}
                        {t('searchAll.modified', { when: formatDateTime(copy.mtime) })}
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
