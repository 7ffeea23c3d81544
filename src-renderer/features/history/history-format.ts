/**
 * Words and icons for history entries: the job kind, the trigger and a one-line summary of its
 * numbers. Kinds the renderer does not know yet still get a readable label.
 */
import type { HistoryEntry, JobTrigger } from '../../../src-main/model/history.js';
import type { IconName } from '../../components/Icon.js';
import { formatBytes, formatCount, parseDate } from '../../lib/format.js';
import { hostNow } from '../../lib/host-clock.js';
import { drillSummaryText } from '../../lib/core-words/drill.js';

// Keyed by string, not JobKind: the core may record kinds this build has no entry for.
const kindIcons: Readonly<Record<string, IconName>> = {
  backup: 'upload',
  restore: 'download',
  init: 'plus',
  prune: 'trash',
  delete: 'trash',
  compact: 'archive',
  check: 'shield',
  info: 'info',
  list: 'info',
  mount: 'folder',
  unmount: 'folder',
  rename: 'file',
  comment: 'file',
  undelete: 'refresh',
  tag: 'file',
  'break-lock': 'unlock',
  'key-export': 'lock',
  'key-import': 'lock',
  'change-passphrase': 'lock',
  recompress: 'archive',
  'repo-space': 'archive',
  migrate: 'archive',
  drill: 'shield',
};

// Kinds whose name is not one plain word.
const kindLabels: Readonly<Record<string, string>> = {
  init: 'Create',
  'break-lock': 'Break lock',
  'key-export': 'Export key',
  'key-import': 'Import key',
  'change-passphrase': 'Change passphrase',
  'repo-space': 'Reserved space',
  migrate: 'Migrate to borg 2',
  drill: 'Restore test',
};

/** The icon of a job kind. */
export function kindIcon(kind: string): IconName {
  return kindIcons[kind] ?? 'terminal';
}

/** A job kind as a word ("Backup", "Prune"). */
export function kindLabel(kind: string): string {
  const label = kindLabels[kind];
  if (label !== undefined) return label;
  return kind.length === 0 ? 'Job' : kind[0]?.toUpperCase() + kind.slice(1);
}

/** Who started the job. */
export function triggerLabel(trigger: JobTrigger): string {
  return trigger === 'schedule' ? 'Scheduled' : 'Manual';
}

/** The key numbers of an entry, each as a short phrase; empty when the job reported none. */
export function statsSummary(entry: HistoryEntry): readonly string[] {
  // A restore test's own sentence says what was restored and how much of it matched the source.
  if (entry.drill !== undefined) return [drillSummaryText(entry.drill)];
  const stats = entry.stats;
  if (!stats) return [];
  const parts: string[] = [];
  if (stats.fileCount !== undefined) {
    parts.push(`${formatCount(stats.fileCount)} ${stats.fileCount === 1 ? 'file' : 'files'}`);
  }
  if (entry.kind === 'restore') {
    if (stats.originalSize !== undefined) parts.push(`${formatBytes(stats.originalSize)} restored`);
    return parts;
  }
  if (stats.originalSize !== undefined) parts.push(`${formatBytes(stats.originalSize)} original`);
  if (stats.deduplicatedSize !== undefined) parts.push(`${formatBytes(stats.deduplicatedSize)} stored`);
  return parts;
}

/** A compact start time for a table cell ("Nov 22, 09:05"); the year only when it is not this one. */
export function formatShortDateTime(value: string, now: Date = hostNow(), locale?: string): string {
  const date = parseDate(value);
  if (!date) return '—';
  const options: Intl.DateTimeFormatOptions = {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  };
  if (date.getFullYear() !== now.getFullYear()) options.year = 'numeric';
  return new Intl.DateTimeFormat(locale, options).format(date);
}
