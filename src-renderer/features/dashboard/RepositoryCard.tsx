/**
 * One repository on the overview: its last backup and how it ended, archive count, the sizes, and
 * its next automatic check, and its growth chart once `repos:details` arrives (it may queue behind
 * a running backup).
 */
import { useTranslation } from 'react-i18next';
import { isCompleteArchive } from '../../../src-main/model/last-good-backup.js';
import type { HistoryEntry } from '../../../src-main/model/history.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { Icon } from '../../components/Icon.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatCount, formatDateTime, formatRelative } from '../../lib/format.js';
import { isRemoteLocation } from '../../lib/paths.js';
import { useAppStore } from '../../stores/app-store.js';
import { checkRowFor, useChecksStore } from '../../stores/checks-store.js';
import { isLocked, type DetailsEntry } from '../../stores/repos-store.js';
import { nextCheckText } from '../repositories/check-form.js';
import { GrowthChart } from './GrowthChart.js';
import { lastBackupFigure } from './last-backup.js';
import { totalOriginalSize } from './growth-series.js';
import styles from './dashboard.module.css';
import { wordError } from '../../lib/error-info.js';

/** Props of {@link RepositoryCard}. */
export interface RepositoryCardProps {
  readonly repo: RepositorySummary;
  readonly details: DetailsEntry | undefined;
  /** The latest backup from the history; null when none is recorded, undefined while unknown. */
  readonly lastBackup: HistoryEntry | null | undefined;
  /** The latest complete backup from the history, if one is loaded. */
  readonly lastGood?: HistoryEntry | undefined;
}

/** A dashboard card for one repository. */
export function RepositoryCard({ repo, details, lastBackup, lastGood }: RepositoryCardProps) {
  const { t } = useTranslation(['dashboard', 'common']);
  const selectRepository = useAppStore((s) => s.selectRepository);
  const openDialog = useAppStore((s) => s.openDialog);
  const check = useChecksStore((s) => checkRowFor(s.rows, repo.id));
  const locked = isLocked(repo);
  const data = details?.data;
  const last = lastBackupFigure(repo, lastBackup, lastGood);
  const titleId = `overview-${repo.id}`;

  return (
    <article className={`card ${styles.overviewCard}`} aria-labelledby={titleId}>
      <header className={styles.overviewCardHeader}>
        <span className={styles.overviewCardIcon}>
          <Icon name={isRemoteLocation(repo.location) ? 'server' : 'archive'} size={18} />
        </span>
        <div className={styles.overviewCardTitle}>
          <h2 id={titleId} className="card-title" translate="no">
            {repo.name}
          </h2>
          <p className={styles.overviewCardLocation} title={repo.location} translate="no">
            {repo.location}
          </p>
        </div>
        <Button size="small" variant="ghost" onClick={() => selectRepository(repo.id)}>
          {t('common:actions.open')}
        </Button>
      </header>

      <dl className={styles.overviewFigures}>
        <div>
          <dt>{t('card.lastBackup')}</dt>
          <dd>
            {last.at ? (
              <time dateTime={last.at} title={formatDateTime(last.at)}>
                {formatRelative(last.at)}
              </time>
            ) : (
              t('card.never')
            )}
            {last.status ? <StatusBadge status={last.status} /> : null}
            {last.attempt ? (
              <span className={styles.overviewLastAttempt}>
                {t('card.latestAttempt')} <StatusBadge status={last.attempt.status} />{' '}
                <time dateTime={last.attempt.at} title={formatDateTime(last.attempt.at)}>
                  {formatRelative(last.attempt.at)}
                </time>
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('card.archives')}</dt>
          {/* Complete archives only: a checkpoint is an interrupted backup's leftovers. */}
          <dd className="num">{data ? formatCount(data.archives.filter(isCompleteArchive).length) : '—'}</dd>
        </div>
        <div>
          <dt>{t('card.originalSize')}</dt>
          <dd>
            <ByteSize
              bytes={data ? (data.stats?.totalSize ?? totalOriginalSize(data.archives)) : undefined}
            />
          </dd>
        </div>
        <div>
          <dt>{t('card.storedOnDisk')}</dt>
          <dd>
            <ByteSize bytes={data?.stats?.uniqueCompressedSize} />
          </dd>
        </div>
      </dl>
      {check !== undefined && check.schedule.kind !== 'off' ? (
        <p className={`muted ${styles.overviewCardCheck}`}>
          {t('card.nextCheck', { when: nextCheckText(check) })}
        </p>
      ) : null}

      {locked ? (
        <div className={styles.overviewCardNote}>
          <Icon name="lock" size={16} />
          <span>{t('card.locked')}</span>
          <Button size="small" icon="unlock" onClick={() => openDialog({ kind: 'unlock', repoId: repo.id })}>
            {t('card.unlock')}
          </Button>
        </div>
      ) : details?.error ? (
        // Before any figures: the last known ones may be stale (a drive unplugged since).
        <div className={`${styles.overviewCardNote} ${styles.overviewCardError}`} role="alert">
          <Icon name="alert" size={16} />
          <span>
            {data ? t('card.couldNotRefresh') : ''}
            {wordError(details.error).message}
          </span>
        </div>
      ) : data ? (
        <GrowthChart archives={data.archives} />
      ) : (
        <div className={`chart-placeholder ${styles.growthLoading}`} role="status">
          <span className="spinner" aria-hidden="true" />
          {t('card.readingArchives')}
        </div>
      )}
    </article>
  );
}
