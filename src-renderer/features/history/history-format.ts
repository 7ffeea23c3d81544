/**
 * Words and icons for history entries: the job kind, the trigger and a one-line summary of its
 * numbers. Kinds the renderer does not know yet still get a readable label.
 */
import i18next from 'i18next';
import type { HistoryEntry, JobTrigger } from '../../../src-main/model/history.js';
import type { IconName } from '../../components/Icon.js';
import { currentFormatLocale } from '../../i18n/locale-state.js';
import { markTranslated } from '../../i18n/pseudo.js';
import { formatBytes, formatCount, parseDate } from '../../lib/format.js';
import { hostNow } from '../../lib/host-clock.js';
import { drillSummaryText } from '../../lib/core-words/drill.js';

// Keyed by string, not JobKind: the core may record kinds this build has no entry for.
const kindIcons = {
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
} as const satisfies Readonly<Record<string, IconName>>;

type KnownKind = keyof typeof kindIcons;

function isKnownKind(kind: string): kind is KnownKind {
  return Object.hasOwn(kindIcons, kind);
}

/** The icon of a job kind. */
export function kindIcon(kind: string): IconName {
  return isKnownKind(kind) ? kindIcons[kind] : 'terminal';
}

/** A job kind as a word ("Backup", "Prune"); a kind this build does not know shows as it is named. */
export function kindLabel(kind: string): string {
  if (isKnownKind(kind)) return i18next.t(`kinds.${kind}`, { ns: 'history' });
  return kind.length === 0
    ? i18next.t('kinds.job', { ns: 'history' })
    : kind[0]?.toUpperCase() + kind.slice(1);
}

/** Who started the job. */
export function triggerLabel(trigger: JobTrigger): string {
  return i18next.t(trigger === 'schedule' ? 'triggers.schedule' : 'triggers.manual', { ns: 'history' });
}

/** The key numbers of an entry, each as a short phrase; empty when the job reported none. */
export function statsSummary(entry: HistoryEntry): readonly string[] {
  // A restore test's own sentence says what was restored and how much of it matched the source.
  if (entry.drill !== undefined) return [drillSummaryText(entry.drill)];
  const stats = entry.stats;
  if (!stats) return [];
  const t = i18next.getFixedT(null, 'history');
  const parts: string[] = [];
  if (stats.fileCount !== undefined) {
    parts.push(t('stats.files', { count: stats.fileCount, formatted: formatCount(stats.fileCount) }));
  }
  if (entry.kind === 'restore') {
    if (stats.originalSize !== undefined)
      parts.push(t('stats.restored', { size: formatBytes(stats.originalSize) }));
    return parts;
  }
  if (stats.originalSize !== undefined)
    parts.push(t('stats.original', { size: formatBytes(stats.originalSize) }));
  if (stats.deduplicatedSize !== undefined) {
    parts.push(t('stats.stored', { size: formatBytes(stats.deduplicatedSize) }));
  }
  return parts;
}

/** A compact start time for a table cell ("Nov 22, 09:05"); the year only when it is not this one. */
export function formatShortDateTime(
  value: string,
  now: Date = hostNow(),
  locale: string = currentFormatLocale(),
): string {
  const date = parseDate(value);
  if (!date) return '—';
  const options: Intl.DateTimeFormatOptions = {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  };
  if (date.getFullYear() !== now.getFullYear()) options.year = 'numeric';
  return markTranslated(new Intl.DateTimeFormat(locale, options).format(date));
}
