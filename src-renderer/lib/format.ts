/**
 * Number, size, time and text formatting for the UI. Sizes are decimal (kB, MB, GB) because that is
 * what borg prints, so figures in Borgdesk match what a user sees on the command line.
 */
import i18next from 'i18next';
import { currentFormatLocale } from '../i18n/locale-state.js';
import { markTranslated } from '../i18n/pseudo.js';
import { hostNow } from './host-clock.js';

/** A decimal number in the UI's locale with exactly `digits` fraction digits ("1.5", "1,5"). */
function decimal(value: number, digits: number): string {
  return new Intl.NumberFormat(currentFormatLocale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

const sizeUnits = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Formats a byte count the way borg does: decimal units, one decimal above bytes ("1.5 MB"). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  if (value < 1000) return markTranslated(`${sign}${Math.round(value)} B`);
  let unit = 0;
  // 999.95 and up would round to "1000.0", so it moves to the next unit instead.
  while (value >= 999.95 && unit < sizeUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return markTranslated(`${sign}${decimal(value, 1)} ${sizeUnits[unit]}`);
}

/** Formats a transfer rate in bytes per second ("12.3 MB/s"). */
export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(Math.max(0, bytesPerSecond))}/s`;
}

/** Formats a duration in seconds for people: "45 s", "3 min 12 s", "2 h 5 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 10) return markTranslated(`${decimal(Math.round(seconds * 10) / 10, seconds < 1 ? 1 : 0)} s`);
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return markTranslated(m > 0 ? `${h} h ${m} min` : `${h} h`);
  if (m > 0) return markTranslated(s > 0 ? `${m} min ${s} s` : `${m} min`);
  return markTranslated(`${s} s`);
}

/** Formats elapsed milliseconds as a running clock: "0:07", "12:34", "1:02:03". */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Formats a count with the locale's thousands separators ("12,345", "12.345"). */
export function formatCount(n: number): string {
  return markTranslated(new Intl.NumberFormat(currentFormatLocale()).format(n));
}

/** Formats a deduplication ratio ("4.2×"). */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return '—';
  return markTranslated(`${ratio >= 100 ? Math.round(ratio) : decimal(ratio, 1)}×`);
}

/**
 * Parses a timestamp from borg or the core. Borg prints local times without an offset and with
 * microseconds ("2024-05-01T10:00:00.123456"); the fraction is trimmed so every engine accepts it.
 */
export function parseDate(value: string): Date | undefined {
  const trimmed = value.replace(/(\.\d{3})\d+/, '$1');
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const relativeSteps: readonly [limitSeconds: number, unit: Intl.RelativeTimeFormatUnit, seconds: number][] = [
  [3600, 'minute', 60],
  [86_400, 'hour', 3600],
  [7 * 86_400, 'day', 86_400],
  [30 * 86_400, 'week', 7 * 86_400],
  [365 * 86_400, 'month', 30 * 86_400],
  [Infinity, 'year', 365 * 86_400],
];

/** Formats a moment relative to now: "just now", "5 minutes ago", "yesterday", "in 2 hours". */
export function formatRelative(value: string | Date, now: Date = hostNow()): string {
  const date = typeof value === 'string' ? parseDate(value) : value;
  if (!date) return '—';
  const diff = (date.getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(currentFormatLocale(), { numeric: 'auto' });
  if (Math.abs(diff) < 45) return i18next.t('time.justNow', { ns: 'common' });
  for (const [limit, unit, size] of relativeSteps) {
    if (Math.abs(diff) < limit)
      return markTranslated(rtf.format(Math.round(diff / size) || Math.sign(diff), unit));
  }
  return '—';
}

/** Formats a date and time in the user's locale ("1 May 2024, 10:00"). */
export function formatDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? parseDate(value) : value;
  if (!date) return '—';
  return markTranslated(
    new Intl.DateTimeFormat(currentFormatLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date),
  );
}

/** Shortens long text by cutting out its middle, keeping both ends of a path readable. */
export function truncateMiddle(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength <= 1) return '…';
  const keep = maxLength - 1;
  const head = Math.ceil(keep / 2);
  const tail = Math.floor(keep / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - tail)}`;
}
