/** Paging of the history list: newest first, optional repository filter, finishedAt cursor. */
import type { HistoryEntry } from '../../model/history.js';
import { AppError } from '../app-error.js';

/** What `history:list` asks for. */
export interface HistoryQuery {
  readonly repoId?: string | undefined;
  readonly limit: number;
  /** Only entries that finished strictly before this instant (the previous page's last finishedAt). */
  readonly before?: string | undefined;
}

/** One page of entries, newest first. */
export interface HistoryPage {
  readonly entries: HistoryEntry[];
  readonly hasMore: boolean;
}

/**
 * The page of `entries` (sorted oldest first) that `query` selects. Entries that finished at the
 * same instant as the page's last one are all included, so a finishedAt cursor never skips any.
 */
export function pageHistory(entries: readonly HistoryEntry[], query: HistoryQuery): HistoryPage {
  const before = query.before === undefined ? Infinity : Date.parse(query.before);
  if (Number.isNaN(before)) {
    throw new AppError('InvalidInput', 'The history cursor is not a date.', 'Reload the history list.', {
      reason: 'historyCursorDate',
    });
  }
  const page: HistoryEntry[] = [];
  let lastTime: number | undefined;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry === undefined) continue;
    if (query.repoId !== undefined && entry.repoId !== query.repoId) continue;
    const time = Date.parse(entry.finishedAt);
    if (!(time < before)) continue;
    if (page.length >= query.limit && time !== lastTime) return { entries: page, hasMore: true };
    page.push(entry);
    lastTime = time;
  }
  return { entries: page, hasMore: false };
}

/** Where `entry` goes in `entries` (oldest first) so the order stays by finishedAt, ties by arrival. */
export function insertionIndex(entries: readonly HistoryEntry[], entry: HistoryEntry): number {
  const time = Date.parse(entry.finishedAt);
  let i = entries.length;
  while (i > 0 && Date.parse(entries[i - 1]?.finishedAt ?? '') > time) i--;
  return i;
}
