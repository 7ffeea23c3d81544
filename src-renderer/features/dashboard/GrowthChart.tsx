/**
 * A repository's growth over time: each archive's original size and the deduplicated size borg
 * stored for it, at the archive's start. Drawn as steps: a size holds from one backup until the
 * next, and nothing happens in between that a smoothed curve would suggest. Static data, so
 * animation stays off.
 */
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis, type LegendPayload } from 'recharts';
import type { ArchiveSummary } from '../../../src-main/model/archive.js';
import { formatBytes, formatDateTime } from '../../lib/format.js';
import {
  formatAxisBytes,
  formatTimeTick,
  growthSeries,
  MIN_GROWTH_POINTS,
  type GrowthPoint,
} from './growth-series.js';
import styles from './dashboard.module.css';

/** Props of {@link GrowthChart}. */
export interface GrowthChartProps {
  readonly archives: readonly ArchiveSummary[];
}

const tickStyle = { fontSize: 11, fill: 'var(--text-muted)' };
const tooltipStyle = {
  background: 'var(--surface)',
  border: '1px solid var(--border)',
  borderRadius: 8,
  fontSize: 12,
};

// The archive's name is data (never translated); its date is a formatted figure.
function archiveLabel(payload: readonly { readonly payload?: GrowthPoint }[] | undefined): ReactNode {
  const point = payload?.[0]?.payload;
  if (!point) return '';
  return (
    <>
      <span translate="no">{point.archiveName}</span> · {formatDateTime(new Date(point.time))}
    </>
  );
}

// Drawn here rather than by recharts, whose icons carry an English "… legend icon" label.
function GrowthLegend({ payload }: { readonly payload?: readonly LegendPayload[] | undefined }) {
  return (
    <ul className={styles.growthLegend}>
      {payload?.map((entry) => (
        <li key={String(entry.dataKey)} style={{ color: entry.color }}>
          <span className={styles.growthLegendDot} style={{ background: entry.color }} aria-hidden="true" />
          {entry.value}
        </li>
      ))}
    </ul>
  );
}

// One size drawn as steps: it holds from one backup until the next.
function stepLine(dataKey: keyof GrowthPoint, name: string, stroke: string) {
  return (
    <Line
      type="stepAfter"
      dataKey={dataKey}
      name={name}
      stroke={stroke}
      strokeWidth={2}
      dot={{ r: 3, strokeWidth: 2, fill: 'var(--surface)' }}
      activeDot={{ r: 5 }}
      isAnimationActive={false}
      connectNulls
    />
  );
}

/** The growth chart, or a note while there are too few archives to draw a line. */
export function GrowthChart({ archives }: GrowthChartProps) {
  const { t } = useTranslation('dashboard');
  const data = useMemo(() => growthSeries(archives), [archives]);
  // The repository's own size is drawn once Borgdesk has recorded it after a backup (borg 1.x).
  const hasStoredSize = data.some((p) => p.storedSize !== undefined);
  const first = data[0];
  const last = data[data.length - 1];
  const span = first && last ? last.time - first.time : 0;

  return (
    <figure className={styles.growthChart} aria-label={t('growth.label')}>
      {data.length < MIN_GROWTH_POINTS ? (
        <div className="chart-placeholder">
          {data.length === 0 ? t('growth.noArchives') : t('growth.oneArchive')}
        </div>
      ) : (
        <LineChart
          data={data as GrowthPoint[]}
          responsive
          style={{ width: '100%', height: 190 }}
          margin={{ top: 8, right: 16, left: 4, bottom: 0 }}
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(ms: number) => formatTimeTick(ms, span)}
            tick={tickStyle}
            stroke="var(--border-strong)"
            minTickGap={40}
            padding={{ left: 12, right: 12 }}
          />
          <YAxis
            tickFormatter={(v: number) => formatAxisBytes(v)}
            tick={tickStyle}
            stroke="var(--border-strong)"
            width={70}
          />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(_label, payload) =>
              archiveLabel(payload as readonly { payload?: GrowthPoint }[])
            }
            formatter={(value) => formatBytes(Number(value))}
            contentStyle={tooltipStyle}
          />
          <Legend
            content={({ payload }) => <GrowthLegend payload={payload} />}
            wrapperStyle={{ fontSize: 12 }}
            itemSorter={null}
          />
          {stepLine('originalSize', t('growth.original'), 'var(--chart-original)')}
          {stepLine('deduplicatedSize', t('growth.deduplicated'), 'var(--chart-dedup)')}
          {hasStoredSize && stepLine('storedSize', t('growth.stored'), 'var(--chart-stored)')}
        </LineChart>
      )}
      {data.length >= MIN_GROWTH_POINTS ? (
        <figcaption className={styles.growthCaption}>{t('growth.caption')}</figcaption>
      ) : null}
    </figure>
  );
}
