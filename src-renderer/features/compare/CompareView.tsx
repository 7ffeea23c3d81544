/**
 * Compare archives: pick two (the two newest by default) and see what changed between them —
 * counts per kind of change that double as filters, a path filter, and the list of changes.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIFF_CATEGORIES, type ArchiveSummary, type DiffCategory } from '../../../src-main/model/archive.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { EmptyState } from '../../components/EmptyState.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { Icon } from '../../components/Icon.js';
import { formatCount, formatDateTime, parseDate } from '../../lib/format.js';
import { useRequest } from '../../lib/use-request.js';
import { useReposStore } from '../../stores/repos-store.js';
import { useViewStore } from '../../stores/view-store.js';
import { SearchBox } from '../archives/SearchBox.js';
import { filterItems } from './diff-format.js';
import { DiffTable } from './DiffTable.js';
import styles from './compare.module.css';

/** Props of {@link CompareView}. */
export interface CompareViewProps {
  readonly repo: RepositorySummary;
}

const time = (a: ArchiveSummary): number => parseDate(a.start)?.getTime() ?? 0;
const allCategories = new Set<DiffCategory>(DIFF_CATEGORIES);
const label = (a: ArchiveSummary): string => `${a.name} — ${formatDateTime(a.start)}`;

/** The compare screen. */
export function CompareView({ repo }: CompareViewProps) {
  const { t } = useTranslation('compare');
  const showOverview = useViewStore((s) => s.showOverview);
  const archives = useReposStore((s) => s.details[repo.id]?.data?.archives);
  const sorted = useMemo(() => [...(archives ?? [])].sort((a, b) => time(b) - time(a)), [archives]);
  const [older, setOlder] = useState(() => sorted[1]?.name ?? '');
  const [newer, setNewer] = useState(() => sorted[0]?.name ?? '');
  const [enabled, setEnabled] = useState<ReadonlySet<DiffCategory>>(allCategories);
  const [pathFilter, setPathFilter] = useState('');

  // Defaults arrive with the details when the screen opened before they were loaded.
  useEffect(() => {
    if (older === '' && sorted[1]) setOlder(sorted[1].name);
    if (newer === '' && sorted[0]) setNewer(sorted[0].name);
  }, [sorted, older, newer]);

  const picked = older !== '' && newer !== '' && older !== newer;
  const {
    data: result,
    loading: running,
    error,
  } = useRequest(
    'archives:diff',
    picked ? { repoId: repo.id, archiveA: older, archiveB: newer } : undefined,
    { fallback: t('fallback') },
  );

  const shown = useMemo(
    () => (result ? filterItems(result.items, enabled, pathFilter) : []),
    [result, enabled, pathFilter],
  );
  const toggle = (key: DiffCategory): void => {
    const next = new Set(enabled);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setEnabled(next);
  };

  return (
    <div className="compare-view">
      <header className="browser-header">
        <Button variant="ghost" size="small" icon="arrowLeft" onClick={() => showOverview(repo.id)}>
          <span translate="no">{repo.name}</span>
        </Button>
        <h1 className="repo-title">
          <Icon name="compare" size={20} /> {t('title')}
        </h1>
      </header>
      {sorted.length < 2 ? (
        <EmptyState icon="compare" title={t('needTwo')} compact>
          {t('needTwoBody')}
        </EmptyState>
      ) : (
        <>
          <div className={styles.comparePickers}>
            <Field label={t('older')}>
              <select value={older} onChange={(e) => setOlder(e.target.value)} translate="no">
                {sorted.map((a) => (
                  <option key={a.name} value={a.name}>
                    {label(a)}
                  </option>
                ))}
              </select>
            </Field>
            <Button
              variant="ghost"
              icon="compare"
              aria-label={t('swap')}
              title={t('swap')}
              onClick={() => {
                setOlder(newer);
                setNewer(older);
              }}
            />
            <Field label={t('newer')}>
              <select value={newer} onChange={(e) => setNewer(e.target.value)} translate="no">
                {sorted.map((a) => (
                  <option key={a.name} value={a.name}>
                    {label(a)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {older === newer ? <p className="muted">{t('pickTwo')}</p> : null}
          {error ? <ErrorMessage error={error} title={t('failed')} /> : null}
          <div className={styles.categoryToggles} role="group" aria-label={t('kindsAria')}>
            {/* Labels: compare:category.<key>. */}
            {DIFF_CATEGORIES.map((key) => (
              <button
                key={key}
                type="button"
                className={`${styles.categoryToggle} ${styles[`diff-${key}`]}`}
                aria-pressed={enabled.has(key)}
                onClick={() => toggle(key)}
              >
                <span className="category-label">{t(`category.${key}`)}</span>
                <span className={`${styles.categoryCount} num`}>{formatCount(result?.counts[key] ?? 0)}</span>
              </button>
            ))}
          </div>
          <div className={styles.compareStatus}>
            <p className="search-summary" role="status">
              {running ? <span className="spinner" aria-hidden="true" /> : null}
              {running
                ? t('comparing')
                : result
                  ? t(result.truncated ? 'shownTruncated' : 'shown', {
                      count: result.items.length,
                      shown: formatCount(shown.length),
                      total: formatCount(result.items.length),
                    })
                  : ''}
            </p>
            <SearchBox
              value={pathFilter}
              onChange={setPathFilter}
              label={t('filterPaths')}
              placeholder={t('filterPaths')}
            />
          </div>
          {result ? <DiffTable items={shown} /> : null}
        </>
      )}
    </div>
  );
}
