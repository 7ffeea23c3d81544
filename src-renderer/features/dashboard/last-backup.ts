/**
 * What the Overview says about a repository's last backup: when the last complete one finished (the
 * history's, or the repository's own record when the history has none loaded), and — when the most
 * recent attempt did not complete (failed, cancelled, interrupted) — that attempt beside it, so an
 * interrupted backup is never shown as the last backup.
 */
import { isCompleteBackup } from '../../../src-main/model/last-good-backup.js';
import type { FinalJobStatus, HistoryEntry } from '../../../src-main/model/history.js';
import type { RepositorySummary } from '../../../src-main/model/repository.js';

/** The card's "Last backup" figure. */
export interface LastBackupFigure {
  /** ISO time of the last complete backup; undefined when there never was one. */
  readonly at?: string;
  /** How that backup ended (succeeded or with warnings), when the history knows it. */
  readonly status?: FinalJobStatus;
  /** The most recent attempt, when it is newer than `at` and did not complete. */
  readonly attempt?: { readonly status: FinalJobStatus; readonly at: string };
}

/** The figure for `repo` from its latest backup attempt and latest complete backup in the history. */
export function lastBackupFigure(
  repo: Pick<RepositorySummary, 'lastBackupAt'>,
  latest: HistoryEntry | null | undefined,
  lastGood: HistoryEntry | undefined,
): LastBackupFigure {
  // repo.lastBackupAt is only ever set from a complete backup (core: recordBackup, newest complete archive).
  const fromRepo = repo.lastBackupAt;
  const useHistory =
    lastGood !== undefined &&
    (fromRepo === undefined || Date.parse(lastGood.finishedAt) >= Date.parse(fromRepo));
  const at = useHistory ? lastGood.finishedAt : fromRepo;
  const figure: { at?: string; status?: FinalJobStatus; attempt?: LastBackupFigure['attempt'] } = {};
  if (at !== undefined) figure.at = at;
  if (useHistory) figure.status = lastGood.status;
  if (
    latest &&
    !isCompleteBackup(latest) &&
    (at === undefined || Date.parse(latest.finishedAt) > Date.parse(at))
  )
    figure.attempt = { status: latest.status, at: latest.finishedAt };
  return figure;
}
