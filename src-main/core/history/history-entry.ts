/**
 * Turns a finished job (its final snapshot and kept log) into the entry the history stores:
 * only what the snapshot already holds, so nothing secret can reach the history files.
 */
import { finalJobStatusSchema, type HistoryEntry, type HistoryStats } from '../../model/history.js';
import type { JobSnapshot, LogEntry } from '../../model/job.js';
import type { FinishedJob } from '../jobs/job-manager.js';
import type { RunningMarker } from './history-files.js';
import { INTERRUPTED_CODE } from '../../model/last-good-backup.js';

/** A history entry before the store has trimmed its log (the store counts the kept lines). */
export type NewHistoryEntry = Omit<HistoryEntry, 'logLineCount'>;

/** The entry for `job`, or undefined when its snapshot is not final (never recorded). */
export function toHistoryEntry(
  job: FinishedJob,
  repoName: string,
  now: () => number,
): NewHistoryEntry | undefined {
  const { snapshot } = job;
  const status = finalJobStatusSchema.safeParse(snapshot.status);
  if (!status.success) return undefined;
  const finishedAt = snapshot.finishedAt ?? new Date(now()).toISOString();
  // A job cancelled while queued never started; it took no time.
  const startedAt = snapshot.startedAt ?? finishedAt;
  const entry: NewHistoryEntry = {
    id: snapshot.id,
    kind: snapshot.kind,
    repoId: snapshot.repoId,
    repoName,
    title: snapshot.title,
    ...(snapshot.titleWords !== undefined ? { titleWords: snapshot.titleWords } : {}),
    trigger: job.trigger,
    status: status.data,
    startedAt,
    finishedAt,
    durationMs: Math.max(0, Date.parse(finishedAt) - Date.parse(startedAt)) || 0,
  };
  if (snapshot.planId !== undefined) entry.planId = snapshot.planId;
  const stats = statsOf(snapshot);
  if (stats !== undefined) entry.stats = stats;
  if (snapshot.error !== undefined) entry.error = snapshot.error;
  if (snapshot.drillResult !== undefined) entry.drill = snapshot.drillResult;
  return entry;
}

/** The numbers a backup or restore reported; undefined when the job reported none. */
export function statsOf(snapshot: JobSnapshot): HistoryStats | undefined {
  const stats: HistoryStats = {};
  const archive = snapshot.result?.archive;
  if (archive !== undefined) {
    stats.archiveName = archive.name;
    if (archive.fileCount !== undefined) stats.fileCount = archive.fileCount;
    if (archive.originalSize !== undefined) stats.originalSize = archive.originalSize;
    if (archive.compressedSize !== undefined) stats.compressedSize = archive.compressedSize;
    if (archive.deduplicatedSize !== undefined) stats.deduplicatedSize = archive.deduplicatedSize;
    if (archive.repositoryStoredSize !== undefined) stats.repositoryStoredSize = archive.repositoryStoredSize;
  }
  const restored = snapshot.restoreResult;
  if (restored !== undefined) {
    stats.fileCount = restored.fileCount;
    // What a restore wrote is original (decompressed) data.
    stats.originalSize = restored.totalBytes;
  }
  const drill = snapshot.drillResult;
  if (drill !== undefined) {
    stats.archiveName = drill.archiveName;
    stats.fileCount = drill.fileCount;
    stats.originalSize = drill.totalBytes;
  }
  return Object.keys(stats).length === 0 ? undefined : stats;
}

/** The entry and log recorded for a job whose marker outlived Borgdesk (it stopped while the job ran). */
export function interruptedEntry(marker: RunningMarker): { entry: NewHistoryEntry; log: LogEntry[] } {
  const { entry: running, updatedAt } = marker;
  const message = 'Borgdesk stopped while it ran.';
  const remedy =
    running.kind === 'backup'
      ? 'Start the backup again. A partial ".checkpoint" archive borg may have kept does not count as a backup.'
      : 'Start the job again.';
  const entry: NewHistoryEntry = {
    ...running,
    status: 'interrupted',
    // The last moment the job was known to run: when its marker was last written.
    finishedAt: updatedAt,
    durationMs: Math.max(0, Date.parse(updatedAt) - Date.parse(running.startedAt)) || 0,
    error: { code: INTERRUPTED_CODE, message, remedy },
  };
  const closing: LogEntry = {
    time: updatedAt,
    level: 'error',
    message: `${message} The job did not finish; this is its log until then. ${remedy}`,
  };
  return { entry, log: [...marker.log, closing] };
}
