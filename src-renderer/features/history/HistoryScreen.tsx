/**
 * The History screen: every finished job, newest first, filtered by repository and result, with
 * "Load more" for older pages. New jobs appear as they finish; a row opens the job's log.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FinalJobStatus, HistoryEntry } from '../../../src-main/model/history.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { statusLabel } from '../../components/StatusBadge.js';
import { formatCount } from '../../lib/format.js';
import { useAppStore } from '../../stores/app-store.js';
import { useHistoryStore } from '../../stores/history-store.js';
import { usePlansStore } from '../../stores/plans-store.js';
import { useReposStore } from '../../stores/repos-store.js';
import { HistoryLogDialog } from './HistoryLogDialog.js';
import { HistoryTable } from './HistoryTable.js';
import { countByResult, filterEntries, type ResultFilter } from './history-list.js';
import styles from './history.module.css';

const results: readonly FinalJobStatus[] = ['succeeded', 'warning', 'failed', 'cancelled', 'interrupted'];
const ALL_REPOS = '';

/** The job history screen. */
export function HistoryScreen() {
  const { t } = useTranslation('history');
  const repos = useReposStore((s) => s.repos);
  const connection = useAppStore((s) => s.connection);
  const { entries, repoFilter, hasMore, loaded, loading, error, load, loadMore } = useHistoryStore();
  const [result, setResult] = useState<ResultFilter>('all');
  const [opened, setOpened] = useState<HistoryEntry>();
  const plans = usePlansStore((s) => s.plans);
  const plansLoaded = usePlansStore((s) => s.loaded);
  const planNames = useMemo(() => new Map(plans.map((p) => [p.id, p.name])), [plans]);

  // (Re)load on entry and after a reconnect, so jobs that finished while away are listed.
  useEffect(() => {
    if (connection === 'open') void useHistoryStore.getState().load(useHistoryStore.getState().repoFilter);
  }, [connection]);

  // Entries name their plan by id; the names come from the plan list (loaded here if not yet).
  useEffect(() => {
    if (connection === 'open' && !plansLoaded) void usePlansStore.getState().load();
  }, [connection, plansLoaded]);

  const shown = useMemo(() => filterEntries(entries, { result }), [entries, result]);
  const counts = useMemo(() => countByResult(entries), [entries]);
  // A removed repository still has history; keep it selectable while its entries are listed.
  const repoOptions = useMemo(() => {
    const options = new Map(repos.map((r) => [r.id, r.name]));
    for (const entry of entries) if (!options.has(entry.repoId)) options.set(entry.repoId, entry.repoName);
    return [...options];
  }, [repos, entries]);

  return (
    <div className={styles.historyScreen}>
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('title')}</h1>
          <p className="page-subtitle">{t('subtitle')}</p>
        </div>
        <div className={styles.historyFilters}>
          <label className={styles.inlineField}>
            <span>{t('filters.repository')}</span>
            <select
              value={repoFilter ?? ALL_REPOS}
              onChange={(e) => void load(e.target.value === ALL_REPOS ? undefined : e.target.value)}
            >
              <option value={ALL_REPOS}>{t('filters.allRepositories')}</option>
              {repoOptions.map(([id, name]) => (
                <option key={id} value={id} translate="no">
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.inlineField}>
            <span>{t('filters.result')}</span>
            <select value={result} onChange={(e) => setResult(e.target.value as ResultFilter)}>
              <option value="all">{t('filters.allResults')}</option>
              {results.map((status) => (
                <option key={status} value={status}>
                  {t('filters.resultOption', {
                    status: statusLabel(status),
                    count: formatCount(counts[status]),
                  })}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>

      {error ? <ErrorMessage error={error} title={t('title')} /> : null}

      <section className={`card ${styles.historyCard}`} aria-busy={loading}>
        {!loaded ? (
          <div className={`splash-loading ${styles.historyLoading}`} role="status">
            <span className="spinner" aria-hidden="true" />
            {t('loading')}
          </div>
        ) : shown.length === 0 ? (
          <EmptyState
            icon="history"
            title={entries.length === 0 ? t('empty.noJobsTitle') : t('empty.noMatchTitle')}
            compact
          >
            {entries.length === 0
              ? t('empty.noJobs')
              : hasMore
                ? t('empty.noneLoadedMatch')
                : t('empty.changeFilters')}
          </EmptyState>
        ) : (
          <HistoryTable entries={shown} onOpen={setOpened} planNames={planNames} />
        )}
        {loaded && hasMore ? (
          <div className={styles.historyMore}>
            <Button onClick={() => void loadMore()} busy={loading}>
              {t('loadMore')}
            </Button>
          </div>
        ) : null}
      </section>

      {opened ? <HistoryLogDialog entry={opened} onClose={() => setOpened(undefined)} /> : null}
    </div>
  );
}
