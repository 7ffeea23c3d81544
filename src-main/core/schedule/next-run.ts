/**
 * When a schedule is next due. Pure: no clock, no timers.
 *
 * Calendar schedules (daily, weekly) follow the wall clock of the machine's local zone (or a named
 * zone): on a spring-forward day a time that does not exist (02:30 when clocks jump 02:00 → 03:00)
 * runs at the first instant after the gap (03:00); on a fall-back day a time that happens twice
 * runs once, at its first occurrence. Interval schedules (every N hours) count real elapsed time
 * from the previous run, so a DST change neither shortens nor stretches the interval.
 */
import { parseTimeOfDay, type Schedule } from '../../model/schedule.js';
import { localTimeZone, namedTimeZone, type TimeZoneView } from './time-zone.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The first instant strictly after `after` at which `schedule` is due, or undefined when it never
 * is ('off'). For 'every-hours', pass the previous run's time as `after`. `timeZone` is an IANA
 * name; without it the machine's local time is used.
 */
export function nextRunAfter(schedule: Schedule, after: Date, timeZone?: string): Date | undefined {
  const from = after.getTime();
  if (Number.isNaN(from)) throw new RangeError('nextRunAfter: `after` is not a valid date.');
  switch (schedule.kind) {
    case 'off':
      return undefined;
    case 'every-hours':
      return new Date(from + schedule.hours * HOUR);
    case 'daily':
      return nextCalendarRun(from, schedule.at, () => true, zoneView(timeZone));
    case 'weekly': {
      const days = new Set(schedule.days);
      if (days.size === 0) return undefined;
      return nextCalendarRun(from, schedule.at, (weekday) => days.has(weekday), zoneView(timeZone));
    }
  }
}

function zoneView(timeZone: string | undefined): TimeZoneView {
  return timeZone === undefined ? localTimeZone : namedTimeZone(timeZone);
}

function nextCalendarRun(
  from: number,
  at: string,
  onDay: (weekday: number) => boolean,
  zone: TimeZoneView,
): Date | undefined {
  const { hour, minute } = parseTimeOfDay(at);
  const today = zone.wallAt(from);
  // Today plus a full week covers every weekly pattern; one extra day absorbs a gap edge case.
  for (let i = 0; i <= 8; i++) {
    // Date.UTC normalises day overflow, so Jan 31 + 1 is Feb 1, Dec 31 + 1 is Jan 1, Feb 28 + 1 in
    // a leap year is Feb 29: the calendar arithmetic never touches the local zone.
    const civil = new Date(Date.UTC(today.year, today.month - 1, today.day + i));
    if (!onDay(civil.getUTCDay())) continue;
    const t = resolveWallTime(
      zone,
      civil.getUTCFullYear(),
      civil.getUTCMonth() + 1,
      civil.getUTCDate(),
      hour,
      minute,
    );
    if (t > from) return new Date(t);
  }
  return undefined;
}

/**
 * The instant at which the wall clock of `zone` shows the given time; the earliest of two when the
 * hour repeats (fall back); the first instant after the gap when the time is skipped (spring forward).
 */
export function resolveWallTime(
  zone: TimeZoneView,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Offsets a day either side catch the offsets before and after any transition near this time.
  const offsets = new Set([zone.offsetAt(wall - DAY), zone.offsetAt(wall), zone.offsetAt(wall + DAY)]);
  const candidates = [...offsets].map((offset) => wall - offset).sort((a, b) => a - b);
  const exact = candidates.find((t) => wallMs(zone, t) === wall);
  if (exact !== undefined) return exact;
  // Skipped time: wall clock jumps over `wall`. Before the jump it reads earlier, after it later;
  // search for the jump itself.
  let lo = candidates[0] ?? wall;
  let hi = candidates[candidates.length - 1] ?? wall;
  if (wallMs(zone, hi) < wall) return hi; // not a gap we understand; never go backwards
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (wallMs(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The wall clock at `t` expressed as if it were UTC ms (whole seconds). */
function wallMs(zone: TimeZoneView, t: number): number {
  const w = zone.wallAt(t);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}
