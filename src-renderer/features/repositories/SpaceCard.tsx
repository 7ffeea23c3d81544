/**
 * Space on disk: what the repository folder takes next to what its archives need, and — because
 * deleted and pruned archives keep their space until borg compacts — a "Compact…" action with
 * about how much it frees. Remote repositories cannot be measured; the card says so.
 */
import { useState } from 'react';
import type { RepositoryStats } from '../../../src-main/model/repository.js';
import { reclaimableBytes } from '../../../src-main/model/space.js';
import { Button } from '../../components/Button.js';
import { ByteSize } from '../../components/ByteSize.js';
import { useRequest } from '../../lib/use-request.js';
import { useBorgFeatures } from './use-borg-features.js';
import { CompactDialog } from './CompactDialog.js';
import styles from './SpaceCard.module.css';

/** Props of {@link SpaceCard}. */
export interface SpaceCardProps {
  readonly repoId: string;
  readonly repoName: string;
  readonly stats: RepositoryStats | undefined;
  /** Changes whenever the details were reloaded (after a delete, prune or compact). */
  readonly loadedAt: number | undefined;
  /** True while a job of this repository runs: compacting would only wait for it. */
  readonly busy: boolean;
}

/** The space card with its Compact… button. */
export function SpaceCard({ repoId, repoName, stats, loadedAt, busy }: SpaceCardProps) {
  const [compacting, setCompacting] = useState(false);
  const reportsFreed = useBorgFeatures()?.compactReportsFreed !== false;
  const space = useRequest(
    'repos:space',
    { repoId },
    { fallback: 'The repository folder could not be measured.', refresh: String(loadedAt ?? '') },
  );
  const measured = space.data?.kind === 'measured' ? space.data : undefined;
  const reclaimable =
    space.data !== undefined && stats !== undefined
      ? reclaimableBytes(space.data, stats.uniqueCompressedSize)
      : undefined;
  return (
    <section className="card" aria-labelledby="space-title">
      <header className="card-header">
        <h2 id="space-title" className="card-title">
          Space on disk
        </h2>
        <Button
          variant={reclaimable !== undefined && reclaimable > 0 ? 'secondary' : 'ghost'}
          icon="drive"
          onClick={() => setCompacting(true)}
          disabled={busy}
        >
          Compact…
        </Button>
      </header>
      <div className={styles.body} aria-live="polite">
        {measured && stats ? (
          <p>
            The repository folder takes <ByteSize bytes={measured.onDiskBytes} /> on disk; its archives need{' '}
            <ByteSize bytes={stats.uniqueCompressedSize} /> of it.
          </p>
        ) : null}
        {reclaimable !== undefined && reclaimable > 0 ? (
          <p className={styles.reclaimable}>
            About <ByteSize bytes={reclaimable} /> belongs to deleted or pruned archives. Borg frees it only
            when it compacts the repository.
          </p>
        ) : reclaimable === 0 ? (
          <p className="muted">Nothing worth compacting: the space of deleted archives has been freed.</p>
        ) : (
          <p className="muted">
            {space.data?.kind === 'unknown' ? `${space.data.reason} ` : ''}
            Deleting or pruning archives frees their space only when borg compacts the repository
            {reportsFreed ? '; it reports how much when done.' : '.'}
          </p>
        )}
      </div>
      {compacting ? (
        <CompactDialog
          repoId={repoId}
          repoName={repoName}
          reclaimable={reclaimable}
          onClose={() => setCompacting(false)}
        />
      ) : null}
    </section>
  );
}
