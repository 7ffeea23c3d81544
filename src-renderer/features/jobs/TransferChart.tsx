/**
 * The live transfer graph: original vs deduplicated bytes per second over elapsed time. It reads the
 * job's ring buffer (bounded), re-snapshots only when the buffer's version changes, and never
 * animates, so a long backup costs the same per frame as a short one.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { currentFormatLocale } from '../../i18n/locale-state.js';
import { markTranslated } from '../../i18n/pseudo.js';
import { formatClock, formatRate } from '../../lib/format.js';
import { useJobsStore } from '../../stores/jobs-store.js';
import styles from './jobs.module.css';

/** Props of {@link TransferChart}. */
export interface TransferChartProps {
  readonly jobId: string;
}

const tickStyle = { fontSize: 11, fill: 'var(--text-muted)' };

// Short runs need fractions of a second, or neighbouring ticks would read the same.
function formatElapsedTick(seconds: number): string {
  if (seconds >= 60) return formatClock(seconds * 1000);
  const digits = seconds < 10 ? 2 : 0;
  const number = new Intl.NumberFormat(currentFormatLocale(), { maximumFractionDigits: digits }).format(
    seconds,
  );
  return markTranslated(`${number} s`);
}

/** An area chart of the job's transfer rates. */
export function TransferChart({ jobId }: TransferChartProps) {
  const { t } = useTranslation('jobs');
  const ring = useJobsStore((s) => s.samples[jobId]);
  const version = useJobsStore((s) => s.sampleVersions[jobId] ?? 0);
  // The ring is mutated in place; its version is the honest dependency.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const data = useMemo(() => ring?.toArray() ?? [], [ring, version]);

  return (
    <figure className={styles.transferChart} aria-label={t('chart.label')} data-testid="transfer-graph">
      {data.length === 0 ? (
        <div className="chart-placeholder">{t('chart.collecting')}</div>
      ) : (
        <AreaChart
          data={data}
          responsive
          style={{ width: '100%', height: 200 }}
          margin={{ top: 8, right: 12, left: 4, bottom: 0 }}
        >
          <defs>
            <linearGradient id={`orig-${jobId}`} x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="var(--chart-original)" stopOpacity={0.35} />
              <stop offset="100%" stopColor="var(--chart-original)" stopOpacity={0.02} />
            </linearGradient>
            <linearGradient id={`dedup-${jobId}`} x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="var(--chart-dedup)" stopOpacity={0.45} />
              <stop offset="100%" stopColor="var(--chart-dedup)" stopOpacity={0.05} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="elapsedSeconds"
            type="number"
            domain={[0, 'dataMax']}
            tickFormatter={formatElapsedTick}
            tick={tickStyle}
            stroke="var(--border-strong)"
            minTickGap={32}
          />
          <YAxis
            tickFormatter={(v: number) => formatRate(v)}
            tick={tickStyle}
            stroke="var(--border-strong)"
            width={76}
          />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(s) => t('chart.at', { time: formatElapsedTick(Number(s)) })}
            formatter={(value) => formatRate(Number(value))}
            contentStyle={{
              background: 'var(--surface)',
              border: '1px solid var(--border)',
              borderRadius: 8,
              fontSize: 12,
            }}
          />
          {/* Our own legend: recharts' default gives each icon an English aria-label ("… legend icon"). */}
          <Legend
            wrapperStyle={{ fontSize: 12 }}
            content={() => (
              <ul className={styles.transferLegend}>
                <li>
                  <span
                    className={styles.transferLegendDot}
                    style={{ background: 'var(--chart-original)' }}
                  />
                  {t('counters.original')}
                </li>
                <li>
                  <span className={styles.transferLegendDot} style={{ background: 'var(--chart-dedup)' }} />
                  {t('counters.deduplicated')}
                </li>
              </ul>
            )}
          />
          <Area
            type="monotone"
            dataKey="originalBytesPerSecond"
            name={t('counters.original')}
            stroke="var(--chart-original)"
            strokeWidth={1.5}
            fill={`url(#orig-${jobId})`}
            isAnimationActive={false}
            dot={false}
          />
          <Area
            type="monotone"
            dataKey="deduplicatedBytesPerSecond"
            name={t('counters.deduplicated')}
            stroke="var(--chart-dedup)"
            strokeWidth={1.5}
            fill={`url(#dedup-${jobId})`}
            isAnimationActive={false}
            dot={false}
          />
        </AreaChart>
      )}
    </figure>
  );
}
