/**
 * Finds plans that have gone too long without a successful backup, and says why: silent failures
 * found weeks later are what users of other borg GUIs complain about most (Vorta #2272, #1051).
 */
import { causeLabel, classifyFailure, describeCause, type FailureCause } from './failure-cause.js';

/** What the stale check needs to know about one plan target (a plan's backup to one repository). */
export interface BackupRecord {
  readonly id: string;
  readonly label: string;
  readonly repoName: string;
  readonly localRepository: boolean;
  /** Epoch ms of the last successful (or succeeded-with-warnings) backup. */
  readonly lastSuccessAt?: number;
  /** When the plan was created; measures staleness of a plan that never succeeded. */
  readonly createdAt?: number;
  /** The latest failed attempt, if any. */
  readonly lastFailure?: { readonly at: number; readonly code: string; readonly message?: string };
  /** A per-plan allowance overriding the default threshold. */
  readonly thresholdMs?: number;
  /** Plans without a schedule are not expected to run, so they are never stale. */
  readonly scheduled?: boolean;
  /**
   * The repository is a local path that is not there now (drive unplugged). Scheduled runs are then
   * skipped without a trace in History, so this, not an older failure, is why nothing was backed up.
   */
  readonly targetAbsent?: boolean;
}

/** A plan target that is overdue, with the cause of its last failure when one is known. */
export interface StaleItem {
  readonly id: string;
  readonly label: string;
  readonly repoName: string;
  /** Undefined when it never succeeded. */
  readonly lastSuccessAt?: number;
  readonly staleForMs: number;
  /** Undefined when no failure was recorded after the last success (nothing ran at all). */
  readonly cause?: FailureCause;
  readonly causeMessage?: string;
}

/** Three days, the default allowance. */
export const DEFAULT_STALE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

/** The records that have had no successful backup for longer than their allowance, oldest first. */
export function findStale(
  records: readonly BackupRecord[],
  now: number,
  thresholdMs: number = DEFAULT_STALE_AFTER_MS,
): StaleItem[] {
  const stale: StaleItem[] = [];
  for (const record of records) {
    if (record.scheduled === false) continue;
    const since = record.lastSuccessAt ?? record.createdAt;
    // Without either time there is nothing to measure from; the first run will set one.
    if (since === undefined) continue;
    const age = now - since;
    if (age <= (record.thresholdMs ?? thresholdMs)) continue;
    const failure = record.lastFailure;
    const failedSince = failure !== undefined && failure.at >= since;
    const cause: Pick<StaleItem, 'cause' | 'causeMessage'> =
      record.targetAbsent === true
        ? { cause: 'drive-absent' }
        : failedSince
          ? {
              cause: classifyFailure(failure.code, record.localRepository),
              ...(failure.message !== undefined ? { causeMessage: failure.message } : {}),
            }
          : {};
    stale.push({
      id: record.id,
      label: record.label,
      repoName: record.repoName,
      ...(record.lastSuccessAt !== undefined ? { lastSuccessAt: record.lastSuccessAt } : {}),
      staleForMs: age,
      ...cause,
    });
  }
  return stale.sort((a, b) => b.staleForMs - a.staleForMs);
}

/** "3 days" / "26 hours": whole units, rounded down, never "0". */
export function formatAge(ms: number): string {
  const hours = Math.max(1, Math.floor(ms / 3_600_000));
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return `${Math.floor(hours / 24)} days`;
}

/** The notification body for a stale item, naming the cause. */
export function describeStale(item: StaleItem): string {
  const when =
    item.lastSuccessAt === undefined
      ? `${item.label} has never been backed up successfully (${formatAge(item.staleForMs)}).`
      : `${item.label} has not been backed up for ${formatAge(item.staleForMs)}.`;
  if (item.cause === undefined) return `${when} No backup has run; check that its schedule is on.`;
  return `${when} ${describeCause(item.cause, item.repoName, item.causeMessage)}`;
}

/** One tooltip line for a stale item ("Documents: 4 days, wrong passphrase"). */
export function staleSummary(item: StaleItem): string {
  const cause = item.cause !== undefined ? `, ${causeLabel(item.cause)}` : '';
  return `${item.label}: no backup for ${formatAge(item.staleForMs)}${cause}`;
}
