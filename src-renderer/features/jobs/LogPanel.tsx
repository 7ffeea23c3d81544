/**
 * The collapsible bottom panel with a job's log: level colours, warnings highlighted, a level filter
 * and auto-scroll that pauses while the user scrolls up to read.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { JobSnapshot, LogEntry } from '../../../src-main/model/job.js';
import { Icon } from '../../components/Icon.js';
import { formatCount } from '../../lib/format.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { useAppStore } from '../../stores/app-store.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import { LogLines } from './LogLines.js';
import styles from './jobs.module.css';
import { jobTitleText } from '../../lib/core-words/job-title.js';

/** Props of {@link LogPanel}. */
export interface LogPanelProps {
  /** The job whose log is shown; the panel says so when there is none. */
  readonly job: JobSnapshot | undefined;
}

type Filter = 'all' | 'info' | 'warning' | 'error';
const rank: Record<LogEntry['level'], number> = { debug: 0, info: 1, warning: 2, error: 3 };
const minimum: Record<Filter, number> = { all: 0, info: 1, warning: 2, error: 3 };
const noLines: readonly LogEntry[] = [];
// Thousands of DOM rows slow every frame; the newest ones are what a user reads while a job runs.
const RENDER_LIMIT = 1000;

function emptyText(t: TFunction<'jobs'>, job: JobSnapshot | undefined, total: number): string {
  if (!job) return t('log.emptyNoJob');
  if (total > 0) return t('log.emptyLevel');
  return job.status === 'running' || job.status === 'queued' ? t('log.emptyRunning') : t('log.emptyDone');
}

/** The bottom log panel. */
export function LogPanel({ job }: LogPanelProps) {
  const { t } = useTranslation('jobs');
  const open = useAppStore((s) => s.logPanelOpen);
  const setOpen = useAppStore((s) => s.setLogPanelOpen);
  const lines = useJobsStore((s) => (job ? (s.logs[job.id] ?? noLines) : noLines));
  const ensureLog = useJobsStore((s) => s.ensureLog);
  const [filter, setFilter] = useState<Filter>('all');
  const scrollRef = useRef<HTMLDivElement>(null);
  const stickRef = useRef(true);

  const jobId = job?.id;
  useEffect(() => {
    if (jobId) void ensureLog(jobId);
  }, [jobId, ensureLog]);

  const visible = useMemo(() => lines.filter((line) => rank[line.level] >= minimum[filter]), [lines, filter]);
  const problems = useMemo(() => lines.filter((line) => rank[line.level] >= 2).length, [lines]);

  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (box && stickRef.current) box.scrollTop = box.scrollHeight;
  }, [visible, open]);

  const onScroll = (): void => {
    const box = scrollRef.current;
    if (box) stickRef.current = box.scrollHeight - box.scrollTop - box.clientHeight < 24;
  };

  return (
    <section className={open ? `log-panel ${styles.open}` : 'log-panel'} aria-label={t('log.label')}>
      <div className="log-bar">
        <button type="button" className="log-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <Icon name={open ? 'chevronDown' : 'chevronUp'} />
          <span>{open ? t('log.hide') : t('log.show')}</span>
        </button>
        <span className="log-title">
          {job ? jobTitleText(job) : t('log.noJob')}
          {job ? <StatusBadge status={job.status} /> : null}
        </span>
        <span className="log-counts">
          {t('log.lines', { count: lines.length, formatted: formatCount(lines.length) })}
          {problems > 0 ? (
            <span className="log-problems">
              {t('log.problems', { count: problems, formatted: formatCount(problems) })}
            </span>
          ) : null}
        </span>
        {open ? (
          <label className="log-filter">
            <span>{t('log.levelLabel')}</span>
            <select value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
              <option value="all">{t('log.filterAll')}</option>
              <option value="info">{t('log.filterInfo')}</option>
              <option value="warning">{t('log.filterWarning')}</option>
              <option value="error">{t('log.filterError')}</option>
            </select>
          </label>
        ) : null}
      </div>
      {open ? (
        <div
          className="log-lines"
          ref={scrollRef}
          onScroll={onScroll}
          role="log"
          aria-live="off"
          tabIndex={0}
        >
          {visible.length > RENDER_LIMIT ? (
            <p className="log-empty">
              {t('log.newest', { shown: formatCount(RENDER_LIMIT), total: formatCount(visible.length) })}
            </p>
          ) : null}
          {visible.length === 0 ? (
            <p className="log-empty">{emptyText(t, job, lines.length)}</p>
          ) : (
            <LogLines lines={visible.slice(-RENDER_LIMIT)} />
          )}
        </div>
      ) : null}
    </section>
  );
}
