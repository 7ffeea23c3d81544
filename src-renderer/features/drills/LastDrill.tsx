/** The last restore drill of one plan target, in one line ("20 files identical, 3 days ago", under a "Restore test" header). */
import { drillTargetKey, useDrillsStore } from '../../stores/drills-store.js';
import { drillDetail, drillLine } from './drill-format.js';

/** Props of {@link LastDrill}. */
export interface LastDrillProps {
  readonly repoId: string;
  readonly planId?: string;
  /** Shown when the target was never tested. */
  readonly none?: string;
}

/** The line, marked as a failure when the drill failed; `none` (or nothing) when never tested. */
export function LastDrill({ repoId, planId, none }: LastDrillProps) {
  const entry = useDrillsStore((s) => s.latest[drillTargetKey(planId, repoId)]);
  if (entry === undefined) return none === undefined ? null : <span className="muted">{none}</span>;
  const failed = entry.status === 'failed';
  return (
    <span
      className={failed ? 'field-error' : 'muted'}
      data-drill-status={entry.status}
      title={drillDetail(entry)}
    >
      {drillLine(entry)}
    </span>
  );
}
