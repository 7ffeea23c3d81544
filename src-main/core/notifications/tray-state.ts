/**
 * Reduces what the core knows (job snapshots, stale plans) into the one state a tray icon shows.
 * Pure: the Electron tray only maps the result to an image and a tooltip.
 */
import type { JobKind, JobSnapshot } from '../../model/job.js';
import { causeLabel, classifyFailure } from '../../model/failure-cause.js';
import { staleSummary, type StaleItem } from '../../model/stale-check.js';

/** Which icon: priority running > error > warning > idle. */
export type TrayKind = 'idle' | 'running' | 'error' | 'warning';

/** What the tray shows. `percent` only while running and only when a job reports one. */
export interface TrayState {
  readonly kind: TrayKind;
  readonly percent?: number;
  readonly tooltip: string;
}

/** Inputs of the reduction. */
export interface TrayInputs {
  /** Latest snapshot of every job the app knows (queued, running and finished). */
  readonly jobs: readonly JobSnapshot[];
  readonly stale: readonly StaleItem[];
  /** True for repositories on a local path, so an absent drive does not turn the icon red. */
  readonly isLocalRepo?: (repoId: string) => boolean;
  readonly schedulesPaused?: boolean;
}

// Jobs whose failure means backups are at risk; a failed browse or restore is the user's, on screen.
const WATCHED_KINDS: ReadonlySet<JobKind> = new Set<JobKind>(['backup']);
// Tooltips are short on every platform (Windows cuts at 127 characters).
const MAX_TOOLTIP = 120;

/** Compute the tray state. */
export function reduceTrayState(inputs: TrayInputs): TrayState {
  const suffix = inputs.schedulesPaused === true ? ' (schedules paused)' : '';
  const running = inputs.jobs.filter((job) => job.status === 'running');
  if (running.length > 0) {
    const first = running[0] as JobSnapshot;
    const percent = jobPercent(first);
    const more = running.length > 1 ? ` +${running.length - 1} more` : '';
    const shown = percent !== undefined ? ` (${percent}%)` : '';
    return {
      kind: 'running',
      ...(percent !== undefined ? { percent } : {}),
      tooltip: clip(`Borgdesk: ${first.title}${shown}${more}${suffix}`),
    };
  }
  const failed = latestFailures(inputs);
  if (failed.length > 0) {
    const lines = failed.map((job) => `${job.title} failed: ${causeOf(job, inputs)}`);
    return { kind: 'error', tooltip: clip(`Borgdesk: ${lines.join('; ')}${suffix}`) };
  }
  if (inputs.stale.length > 0) {
    const lines = inputs.stale.map(staleSummary);
    return { kind: 'warning', tooltip: clip(`Borgdesk: ${lines.join('; ')}${suffix}`) };
  }
  const queued = inputs.jobs.some((job) => job.status === 'queued');
  const idle = queued ? 'jobs waiting' : 'backups up to date';
  return { kind: 'idle', tooltip: `Borgdesk: ${idle}${suffix}` };
}

/** The whole-number percent a running job reports, if it reports one. */
function jobPercent(job: JobSnapshot): number | undefined {
  const progress = job.progress;
  if (progress?.kind !== 'step' || progress.percent === undefined) return undefined;
  return Math.min(100, Math.max(0, Math.round(progress.percent)));
}

// The newest finished watched job per repository decides; a later success clears an old failure.
function latestFailures(inputs: TrayInputs): JobSnapshot[] {
  const latest = new Map<string, JobSnapshot>();
  for (const job of inputs.jobs) {
    if (!WATCHED_KINDS.has(job.kind) || job.finishedAt === undefined || job.status === 'cancelled') continue;
    const seen = latest.get(job.repoId);
    if (seen?.finishedAt === undefined || Date.parse(seen.finishedAt) <= Date.parse(job.finishedAt))
      latest.set(job.repoId, job);
  }
  return [...latest.values()].filter(
    (job) =>
      job.status === 'failed' && classifyFailure(job.error?.code, isLocal(job, inputs)) !== 'drive-absent',
  );
}

function causeOf(job: JobSnapshot, inputs: TrayInputs): string {
  return causeLabel(classifyFailure(job.error?.code, isLocal(job, inputs)));
}

function isLocal(job: JobSnapshot, inputs: TrayInputs): boolean {
  return inputs.isLocalRepo?.(job.repoId) ?? false;
}

function clip(text: string): string {
  return text.length <= MAX_TOOLTIP ? text : `${text.slice(0, MAX_TOOLTIP - 1)}…`;
}
