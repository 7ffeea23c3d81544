/**
 * Reduces what the core knows (job snapshots, stale plans) into the one state a tray icon shows.
 * Pure: the Electron tray only maps the result to an image and a tooltip.
 */
import type { JobKind, JobSnapshot } from '../../model/job.js';
import { classifyFailure } from '../../model/failure-cause.js';
import type { StaleItem } from '../../model/stale-check.js';
import { ENGLISH_WORDS, type DesktopWords } from '../i18n/desktop-words.js';
import { causeLabelText, staleLine } from './notice-words.js';

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

/** Compute the tray state, worded in `words`' language. */
export function reduceTrayState(inputs: TrayInputs, words: DesktopWords = ENGLISH_WORDS): TrayState {
  const tooltip = (text: string, clipped = true): string => {
    const paused = inputs.schedulesPaused === true ? words.t('tray.schedulesPaused', { text }) : text;
    const whole = words.t('tray.tooltip', { text: paused });
    return clipped ? clip(whole) : whole;
  };
  const running = inputs.jobs.filter((job) => job.status === 'running');
  if (running.length > 0) {
    const first = running[0] as JobSnapshot;
    const percent = jobPercent(first);
    const title = words.jobTitle(first);
    const shown =
      percent !== undefined
        ? words.t('tray.runningPercent', { title, percent })
        : words.t('tray.running', { title });
    const more =
      running.length > 1 ? words.t('tray.more', { text: shown, count: running.length - 1 }) : shown;
    return { kind: 'running', ...(percent !== undefined ? { percent } : {}), tooltip: tooltip(more) };
  }
  const failed = latestFailures(inputs);
  if (failed.length > 0) {
    const lines = failed.map((job) =>
      words.t('tray.failed', { title: words.jobTitle(job), cause: causeOf(job, inputs, words) }),
    );
    return { kind: 'error', tooltip: tooltip(lines.join(words.t('tray.separator'))) };
  }
  if (inputs.stale.length > 0) {
    const lines = inputs.stale.map((item) => staleLine(item, words));
    return { kind: 'warning', tooltip: tooltip(lines.join(words.t('tray.separator'))) };
  }
  const queued = inputs.jobs.some((job) => job.status === 'queued');
  return { kind: 'idle', tooltip: tooltip(words.t(queued ? 'tray.jobsWaiting' : 'tray.upToDate'), false) };
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

function causeOf(job: JobSnapshot, inputs: TrayInputs, words: DesktopWords): string {
  return causeLabelText(classifyFailure(job.error?.code, isLocal(job, inputs)), words);
}

function isLocal(job: JobSnapshot, inputs: TrayInputs): boolean {
  return inputs.isLocalRepo?.(job.repoId) ?? false;
}

function clip(text: string): string {
  return text.length <= MAX_TOOLTIP ? text : `${text.slice(0, MAX_TOOLTIP - 1)}…`;
}
