/**
 * Compare archives: pick two (the two newest by default) and see what changed between them —
 * counts per kind of change that double as filters, a path filter, and the list of changes.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ArchiveSummary } from '../../../src-main/model/archive.js';
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
import { categories, filterItems, type DiffCategory } from './diff-format.js';
import { DiffTable } from './DiffTable.js';
import styles from './compare.module.css';

/** Props of {@link CompareView}. */
export interface CompareViewProps {
  readonly repo: RepositorySummary;
}

const time = (a: ArchiveSummary): number => parseDate(a.start)?.getTime() ?? 0;
const allCategories = new Set<DiffCategory>(categories.map((c) => c.key));
const label = (a: ArchiveSummary): string => `${a.name} — ${formatDateTime(a.start)}`;

/** The compare screen. */
export function CompareView({ repo }: CompareViewProps) {
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
    { fallback: 'The archives could not be compared.' },
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
          {repo.name}
        </Button>
        <h1 className="repo-title">
          <Icon name="compare" size={20} /> Compare archives
        </h1>
      </header>
      {sorted.length < 2 ? (
        <EmptyState icon="compare" title="Two archives are needed" compact>
          Back up once more to compare what changed between two backups.
        </EmptyState>
      ) : (
        <>
          <div className={styles.comparePickers}>
            <Field label="Older archive">
              <select value={older} onChange={(e) => setOlder(e.target.value)}>
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
              aria-label="Swap archives"
              title="Swap archives"
              onClick={() => {
                setOlder(newer);
                setNewer(older);
              }}
            />
            <Field label="Newer archive">
              <select value={newer} onChange={(e) => setNewer(e.target.value)}>
                {sorted.map((a) => (
                  <option key={a.name} value={a.name}>
                    {label(a)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {older === newer ? <p className="muted">Pick two different archives.</p> : null}
          {error ? <ErrorMessage error={error} title="Comparison failed" /> : null}
          <div className={styles.categoryToggles} role="group" aria-label="Kinds of change">
            {categories.map((c) => (
              <button
                key={c.key}
                type="button"
                className={`${styles.categoryToggle} ${styles[`diff-${c.key}`]}`}
                aria-pressed={enabled.has(c.key)}
                onClick={() => toggle(c.key)}
              >
                <span className="category-label">{c.label}</span>
                <span className={`${styles.categoryCount} num`}>
                  {formatCount(result?.counts[c.key] ?? 0)}
                </span>
              </button>
            ))}
          </div>
          <div className={styles.compareStatus}>
            <p className="search-summary" role="status">
              {running ? <span className="spinner" aria-hidden="true" /> : null}
              {running
                ? 'Comparing…'
                : result
                  ? `${formatCount(shown.length)} of ${formatCount(result.items.length)} changes shown${
                      result.truncated ? ' — the comparison was cut short; filter by path to narrow it' : ''
                    }`
                  : ''}
            </p>
            <SearchBox
              value={pathFilter}
              onChange={setPathFilter}
              label="Filter paths"
              placeholder="Filter paths"
            />
          </div>
          {result ? <DiffTable items={shown} /> : null}
        </>
      )}
    </div>
  );
}
