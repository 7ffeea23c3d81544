/**
 * The repository's totals as four figures: what all archives hold, what that compresses to, what
 * they need after deduplication, and the ratio between the first and the last. What the folder takes
 * on disk can be more (deleted archives until compacted): the space card shows that.
 */
import { useTranslation } from 'react-i18next';
import type { RepositoryStats as Stats } from '../../../src-main/model/repository.js';
import { ByteSize } from '../../components/ByteSize.js';
import { formatRatio } from '../../lib/format.js';
import styles from './repositories.module.css';

/** Props of {@link RepositoryStats}. */
export interface RepositoryStatsProps {
  readonly stats: Stats | undefined;
}

/** Four stat tiles. */
export function RepositoryStats({ stats }: RepositoryStatsProps) {
  const { t } = useTranslation('repositories');
  return (
    <dl className={styles.stats} aria-label={t('stats.label')}>
      <div className={styles.stat}>
        <dt>{t('stats.original')}</dt>
        <dd>
          <ByteSize bytes={stats?.totalSize} />
        </dd>
        <dd className={styles.statNote}>{t('stats.originalNote')}</dd>
      </div>
      <div className={styles.stat}>
        <dt>{t('stats.compressed')}</dt>
        <dd>
          <ByteSize bytes={stats?.totalCompressedSize} />
        </dd>
        <dd className={styles.statNote}>{t('stats.compressedNote')}</dd>
      </div>
      <div className={`${styles.stat} ${styles.statAccent}`}>
        <dt>{t('stats.deduplicated')}</dt>
        <dd>
          <ByteSize bytes={stats?.uniqueCompressedSize} />
        </dd>
        <dd className={styles.statNote}>{t('stats.deduplicatedNote')}</dd>
      </div>
      <div className={styles.stat}>
        <dt>{t('stats.ratio')}</dt>
        <dd className="num">{stats ? formatRatio(stats.dedupRatio) : '—'}</dd>
        <dd className={styles.statNote}>{t('stats.ratioNote')}</dd>
      </div>
    </dl>
  );
}
