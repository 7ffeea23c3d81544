/**
 * Field conversions between borg's `--json-lines` item fields and the tree's compact columns.
 * They run once per listed item, so they use charCodeAt arithmetic instead of regexes or Date.parse.
 */
import type { ArchiveEntry } from '../../model/archive.js';

/** Entry type codes stored in the tree's Uint8Array type column. */
export const TYPE_FILE = 0;
export const TYPE_DIR = 1;
export const TYPE_SYMLINK = 2;
export const TYPE_OTHER = 3;

/** Contract names of the type codes, indexed by code. */
export const TYPE_NAMES: readonly ArchiveEntry['type'][] = ['file', 'directory', 'symlink', 'other'];

/** Maps borg's one-letter `type` (the first character of `ls -l` mode) to a type code. */
export function typeCode(borgType: string): number {
  switch (borgType) {
    case '-':
    case 'h': // a hardlink is a regular file whose data another item holds
      return TYPE_FILE;
    case 'd':
      return TYPE_DIR;
    case 'l':
      return TYPE_SYMLINK;
    default:
      return TYPE_OTHER;
  }
}

/** A parsed `mtime`: wall-clock microseconds (as if UTC) plus any UTC-offset suffix borg printed. */
export interface ParsedTime {
  micros: number;
  suffix: string;
}

/**
 * Parses borg's `YYYY-MM-DDTHH:MM:SS[.ffffff][suffix]` (borg 1.2/1.4 print naive local time; borg 2 adds
 * an offset). The wall clock is stored exactly, so `formatTime` gives back the string borg printed.
 * Returns NaN micros for anything unparsable.
 */
export function parseTime(value: string | undefined, out: ParsedTime): void {
  out.suffix = '';
  out.micros = Number.NaN;
  if (value === undefined || value.length < 19 || value.charCodeAt(10) !== 84 /* T */) return;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return;
  let end = 19;
  let micros = 0;
  if (value.charCodeAt(19) === 46 /* . */) {
    let scale = 100_000;
    end = 20;
    for (; end < value.length; end++) {
      const d = value.charCodeAt(end) - 48;
      if (d < 0 || d > 9) break;
      micros += d * scale;
      scale /= 10;
    }
    micros = Math.round(micros);
  }
  out.micros = Date.UTC(year, month - 1, day, hour, minute, second) * 1000 + micros;
  out.suffix = end < value.length ? value.slice(end) : '';
}

/** Formats stored wall-clock micros back to borg's ISO form; '' when unknown. */
export function formatTime(micros: number, suffix: string): string {
  if (Number.isNaN(micros)) return '';
  const seconds = Math.floor(micros / US_PER_S);
  const fraction = String(micros - seconds * US_PER_S + US_PER_S).slice(1);
  // Entries of one folder often share a second; the calendar arithmetic runs once per distinct second.
  if (seconds !== lastSeconds) {
    lastSeconds = seconds;
    lastPrefix = secondsToIso(seconds);
  }
  return `${lastPrefix}.${fraction}${suffix}`;
}

const US_PER_S = 1_000_000;
let lastSeconds = Number.NaN;
let lastPrefix = '';

// Days-to-civil (proleptic Gregorian, as in Howard Hinnant's date algorithms) without a Date object.
function secondsToIso(seconds: number): string {
  let days = Math.floor(seconds / 86_400);
  const secondOfDay = seconds - days * 86_400;
  days += 719_468;
  const era = Math.floor(days / 146_097);
  const dayOfEra = days - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const second = secondOfDay % 60;
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function digits(s: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
