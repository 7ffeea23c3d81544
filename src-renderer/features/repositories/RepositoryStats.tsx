/**
 * The repository's totals as four figures: what all archives hold, what that compresses to, what is
 * actually stored after deduplication, and the ratio between the first and the last.
 */
import type { RepositoryStats as Stats } from '../../../src-main/model/repository.js';
import { ByteSize } from '../../components/ByteSize.js';
import { formatRatio } from '../../lib/format.js';

/** Props of {@link RepositoryStats}. */
export interface RepositoryStatsProps {
  readonly stats: Stats | undefined;
}

/** Four stat tiles. */
export function RepositoryStats({ stats }: RepositoryStatsProps) {
  return (
    <dl className="stats" aria-label="Repository totals">
      <div className="stat">
        <dt>Original size</dt>
        <dd>
          <ByteSize bytes={stats?.totalSize} />
        </dd>
        <p className="stat-note">all archives, before compression</p>
      </div>
      <div className="stat">
        <dt>Compressed</dt>
        <dd>
          <ByteSize bytes={stats?.totalCompressedSize} />
        </dd>
        <p className="stat-note">all archives, after compression</p>
      </div>
      <div className="stat stat-accent">
        <dt>Deduplicated</dt>
        <dd>
          <ByteSize bytes={stats?.uniqueCompressedSize} />
        </dd>
        <p className="stat-note">actually stored on disk</p>
      </div>
      <div className="stat">
        <dt>Dedup ratio</dt>
        <dd className="num">{stats ? formatRatio(stats.dedupRatio) : '—'}</dd>
        <p className="stat-note">source bytes per stored byte</p>
      </div>
    </dl>
  );
}
