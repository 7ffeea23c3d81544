/**
 * Space on disk: what the repository folder takes next to what its archives need, and — because
 * deleted and pruned archives keep their space until borg compacts — a "Compact…" action with
 * about how much it frees. Remote repositories cannot be measured; the card says so.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('repositories');
  const [compacting, setCompacting] = useState(false);
  const reportsFreed = useBorgFeatures()?.compactReportsFreed !== false;
  const space = useRequest(
    'repos:space',
    { repoId },
    { fallback: t('space.measureFailed'), refresh: String(loadedAt ?? '') },
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
          {t('space.title')}
        </h2>
        <Button
          variant={reclaimable !== undefined && reclaimable > 0 ? 'secondary' : 'ghost'}
          icon="drive"
          onClick={() => setCompacting(true)}
          disabled={busy}
        >
          {t('space.compact')}
        </Button>
      </header>
      <div className={styles.body} aria-live="polite">
        {measured && stats ? (
          <p>
            <Trans
              t={t}
              i18nKey="space.measured"
              components={{
                onDisk: <ByteSize bytes={measured.onDiskBytes} />,
                needed: <ByteSize bytes={stats.uniqueCompressedSize} />,
              }}
            />
          </p>
        ) : null}
        {reclaimable !== undefined && reclaimable > 0 ? (
          <p className={styles.reclaimable}>
            <Trans
              t={t}
              i18nKey="space.reclaimable"
              components={{ size: <ByteSize bytes={reclaimable} /> }}
            />
          </p>
        ) : reclaimable === 0 ? (
          <p className="muted">{t('space.nothingToCompact')}</p>
        ) : (
          <p className="muted">
            {space.data?.kind === 'unknown' ? `${space.data.reason} ` : ''}
            {reportsFreed ? t('space.freedOnCompactReported') : t('space.freedOnCompact')}
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
