/** Times a spec sets a schedule to and expects the app to show, worked out the way the UI does. */
import type { Page } from 'playwright-core';

const MINUTE = 60_000;

/**
 * The first whole minute at least `minutes` after `clockNow` (ms since the epoch): schedules have
 * minute resolution, so a due time with seconds could never be typed into the editor.
 */
export function dueTimeAfter(clockNow: number, minutes: number): Date {
  return new Date(Math.ceil((clockNow + minutes * MINUTE) / MINUTE) * MINUTE);
}

/** `date` as a time field takes it ("07:05"), in local time like the editor. */
export function timeFieldValue(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `date` as the app writes a date and time, formatted in the page so its locale and zone apply. */
export function shownDateTime(page: Page, date: Date): Promise<string> {
  return page.evaluate(
    (iso) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    date.toISOString(),
  );
}
