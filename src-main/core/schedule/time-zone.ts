/**
 * Two views of a time zone behind one interface: the machine's local zone (through the JS Date
 * local-time API, so it follows `process.env.TZ` and the OS setting) and a named IANA zone (through
 * Intl). next-run.ts only asks "what does the wall clock show at instant t" and "what is the UTC
 * offset at t", which is all it needs to handle DST gaps and repeated hours.
 */

/** Wall-clock fields; `month` is 1–12, `weekday` 0 = Sunday … 6 = Saturday. */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
}

/** A time zone as next-run.ts sees it. */
export interface TimeZoneView {
  /** The wall-clock fields at instant `t` (epoch ms). */
  wallAt(t: number): WallTime;
  /** The zone's offset from UTC at instant `t`, in ms (positive east of Greenwich). */
  offsetAt(t: number): number;
}

/** The machine's local zone; reads the JS Date local-time API on every call, so TZ changes apply. */
export const localTimeZone: TimeZoneView = {
  wallAt(t) {
    const d = new Date(t);
    return {
      year: d.getFullYear(),
      month: d.getMonth() + 1,
      day: d.getDate(),
      hour: d.getHours(),
      minute: d.getMinutes(),
      second: d.getSeconds(),
      weekday: d.getDay(),
    };
  },
  offsetAt(t) {
    return -new Date(t).getTimezoneOffset() * 60_000;
  },
};

const views = new Map<string, TimeZoneView>();

/** A named IANA zone such as 'Europe/Berlin'; throws a RangeError naming the zone if unknown. */
export function namedTimeZone(timeZone: string): TimeZoneView {
  const cached = views.get(timeZone);
  if (cached !== undefined) return cached;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}".`);
  }
  const wallAt = (t: number): WallTime => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(t))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const year = parts.year ?? NaN;
    const month = parts.month ?? NaN;
    const day = parts.day ?? NaN;
    return {
      year,
      month,
      day,
      hour: parts.hour ?? NaN,
      minute: parts.minute ?? NaN,
      second: parts.second ?? NaN,
      weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    };
  };
  const view: TimeZoneView = {
    wallAt,
    offsetAt(t) {
      const w = wallAt(t);
      // Intl shows whole seconds, so compare against the instant truncated to the second.
      const wholeSecond = Math.floor(t / 1000) * 1000;
      return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSecond;
    },
  };
  views.set(timeZone, view);
  return view;
}
