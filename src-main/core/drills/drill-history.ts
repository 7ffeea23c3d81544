/** The last restore drill of each plan target (and of each repository tested without a plan), from the history. */
import type { HistoryEntry } from '../../model/history.js';
import type { HistoryPage, HistoryQuery } from '../history/history-page.js';

/** The key of a drill's target: the plan (none for a repository's newest archive) and the repository. */
export function drillKey(planId: string | undefined, repoId: string): string {
  return `${planId ?? ''}|${repoId}`;
}

/** Newest first: the latest drill per target that ran to an end (cancelled and interrupted ones are skipped). */
export function latestDrills(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const latest = new Map<string, HistoryEntry>();
  for (const entry of entries) {
    if (entry.kind !== 'drill' || entry.status === 'cancelled' || entry.status === 'interrupted') continue;
    const key = drillKey(entry.planId, entry.repoId);
    const known = latest.get(key);
    if (known === undefined || known.finishedAt < entry.finishedAt) latest.set(key, entry);
  }
  return [...latest.values()].sort((a, b) => (a.finishedAt < b.finishedAt ? 1 : -1));
}

/** Every kept history entry, page by page (the history keeps a bounded number). */
export function allEntries(list: (query: HistoryQuery) => HistoryPage): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let before: string | undefined;
  for (;;) {
    const page = list({ limit: 500, before });
    entries.push(...page.entries);
    const last = page.entries[page.entries.length - 1];
    if (!page.hasMore || last === undefined) return entries;
    before = last.finishedAt;
  }
}
