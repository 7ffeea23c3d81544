/**
 * The repository's totals as four figures: what all archives hold, what that compresses to, what
 * they need after deduplication, and the ratio between the first and the last. What the folder takes
 * on disk can be more (deleted archives until compacted): the space card shows that.
 */
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
  return (
    <dl className={styles.stats} aria-label="Repository totals">
      <div className={styles.stat}>
        <dt>Original size</dt>
        <dd>
          <ByteSize bytes={stats?.totalSize} />
        </dd>
        <p className={styles.statNote}>all archives, before compression</p>
      </div>
      <div className={styles.stat}>
        <dt>Compressed</dt>
        <dd>
          <ByteSize bytes={stats?.totalCompressedSize} />
        </dd>
        <p className={styles.statNote}>all archives, after compression</p>
      </div>
      <div className={`${styles.stat} ${styles.statAccent}`}>
        <dt>Deduplicated</dt>
        <dd>
          <ByteSize bytes={stats?.uniqueCompressedSize} />
        </dd>
        <p className={styles.statNote}>what the archives need, stored once</p>
      </div>
      <div className={styles.stat}>
        <dt>Dedup ratio</dt>
        <dd className="num">{stats ? formatRatio(stats.dedupRatio) : '—'}</dd>
        <p className={styles.statNote}>source bytes per stored byte</p>
      </div>
    </dl>
  );
}
