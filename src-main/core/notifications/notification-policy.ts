/**
 * Decides whether a finished run or a stale plan deserves a desktop notification, and with which
 * words. Pure apart from its own memory of what it already said; time comes from an injected clock,
 * so rate limiting is tested without waiting.
 */
import type { FinalJobStatus } from '../../model/history.js';
import { INTERRUPTED_CODE } from '../../model/last-good-backup.js';
import type { Clock } from '../services.js';
import { classifyFailure, type FailureCause } from '../../model/failure-cause.js';
import type { StaleItem } from '../../model/stale-check.js';
import { ENGLISH_WORDS, type DesktopWords } from '../i18n/desktop-words.js';
import { causeText, staleText } from './notice-words.js';

/** The user's choice: every result, only warnings and failures, or nothing. */
export type NotificationLevel = 'all' | 'problems' | 'off';

/** The urgencies Electron's Notification accepts (honoured on Linux). */
export type NotificationUrgency = 'low' | 'normal' | 'critical';

/** What the host shows. */
export interface DesktopNotice {
  readonly title: string;
  readonly body: string;
  readonly urgency: NotificationUrgency;
}

/** How one backup ended: a plan's run to one repository, or a manual backup. */
export interface RunReport {
  /** What the rate limit is keyed on: a plan target id, or the repository id. */
  readonly subjectId: string;
  /** What the user calls it: the plan's name, or "Back up to X" for a manual job. */
  readonly label: string;
  readonly repoName: string;
  /** True for a repository on a local path (an absent drive is then a quiet skip). */
  readonly localRepository: boolean;
  readonly outcome: FinalJobStatus;
  readonly error?: { readonly code: string; readonly message?: string };
}

/** Tuning; the defaults follow the issue (6 h between repeats of the same failure). */
export interface NotificationPolicyOptions {
  readonly clock: Clock;
  readonly repeatAfterMs?: number;
  /** The words of the moment (read at each notice, so Settings → Language applies at once); English when absent. */
  readonly words?: () => DesktopWords;
}

/** The stateful decision maker; one per app. */
export interface NotificationPolicy {
  /** The notice for a finished run, or undefined when the user should not be disturbed. */
  decideRun(report: RunReport, level: NotificationLevel): DesktopNotice | undefined;
  /** Notices for items that just became stale (each once per stale episode). */
  decideStale(items: readonly StaleItem[], level: NotificationLevel): DesktopNotice[];
}

/** Six hours: long enough not to nag about an hourly schedule, short enough to be seen the same day. */
export const DEFAULT_REPEAT_AFTER_MS = 6 * 60 * 60 * 1000;

interface Announced {
  readonly cause: FailureCause;
  readonly at: number;
}

/** Create a policy with an empty memory (nothing announced yet). */
export function createNotificationPolicy(options: NotificationPolicyOptions): NotificationPolicy {
  const repeatAfterMs = options.repeatAfterMs ?? DEFAULT_REPEAT_AFTER_MS;
  const failures = new Map<string, Announced>();
  const warnings = new Map<string, number>();
  const staleIds = new Set<string>();
  const words = options.words ?? (() => ENGLISH_WORDS);

  function withinQuietPeriod(at: number | undefined): boolean {
    return at !== undefined && options.clock.now() - at < repeatAfterMs;
  }

  function onSuccess(report: RunReport, level: NotificationLevel): DesktopNotice | undefined {
    const announced = failures.get(report.subjectId);
    failures.delete(report.subjectId);
    // A recovery is only news to someone who was told about the failure.
    if (announced !== undefined && level !== 'off') {
      const { t } = words();
      return {
        title: t('notice.recovered.title', { repo: report.repoName }),
        body: t(report.outcome === 'warning' ? 'notice.recovered.bodyWarnings' : 'notice.recovered.body', {
          label: report.label,
        }),
        urgency: 'low',
      };
    }
    if (report.outcome === 'warning') {
      if (level === 'off' || withinQuietPeriod(warnings.get(report.subjectId))) return undefined;
      warnings.set(report.subjectId, options.clock.now());
      const { t } = words();
      return {
        title: t('notice.warnings.title', { label: report.label }),
        body: t('notice.warnings.body', { label: report.label }),
        urgency: 'normal',
      };
    }
    warnings.delete(report.subjectId);
    if (level !== 'all') return undefined;
    const { t } = words();
    return {
      title: t('notice.finished.title'),
      body: t('notice.finished.body', { label: report.label }),
      urgency: 'low',
    };
  }

  function onFailure(report: RunReport, level: NotificationLevel): DesktopNotice | undefined {
    const cause = classifyFailure(report.error?.code, report.localRepository);
    // An absent drive is a quiet skip; the stale check speaks up if it stays away too long.
    if (cause === 'drive-absent' || level === 'off') return undefined;
    const previous = failures.get(report.subjectId);
    if (previous !== undefined && previous.cause === cause && withinQuietPeriod(previous.at))
      return undefined;
    failures.set(report.subjectId, { cause, at: options.clock.now() });
    const current = words();
    return {
      title: current.t(cause === 'interrupted' ? 'notice.interrupted.title' : 'notice.failed.title', {
        label: report.label,
      }),
      body: causeText(cause, report.repoName, report.error?.message, current),
      urgency: 'normal',
    };
  }

  return {
    decideRun(report, level) {
      switch (report.outcome) {
        case 'succeeded':
        case 'warning':
          return onSuccess(report, level);
        case 'failed':
          return onFailure(report, level);
        case 'interrupted':
          return onFailure({ ...report, error: report.error ?? { code: INTERRUPTED_CODE } }, level);
        case 'cancelled':
          return undefined;
      }
    },
    decideStale(items, level) {
      const current = new Set(items.map((item) => item.id));
      for (const id of staleIds) if (!current.has(id)) staleIds.delete(id);
      const fresh = items.filter((item) => !staleIds.has(item.id));
      for (const item of fresh) staleIds.add(item.id);
      // Stale means no backup at all for days: a problem, so shown at 'all' and 'problems'.
      if (level === 'off') return [];
      const said = words();
      return fresh.map((item) => ({
        title: said.t('notice.stale.title', { label: item.label }),
        body: staleText(item, said),
        urgency: 'critical',
      }));
    },
  };
}
