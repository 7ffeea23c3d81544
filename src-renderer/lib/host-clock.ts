/**
 * The host's clock as the renderer sees it. History and schedule times come from the host, so
 * "3 hours ago" must be measured against the host's now, not the browser's: they differ when the
 * browser runs on another machine, and in the browser host's test mode, where the host's clock is
 * moved by hand.
 */
let offsetMs = 0;

/** Record the host's current time (from app:status or an app:clock event). */
export function syncHostClock(hostNowIso: string): void {
  const hostNow = Date.parse(hostNowIso);
  if (!Number.isNaN(hostNow)) offsetMs = hostNow - Date.now();
}

/** Now, by the host's clock. */
export function hostNow(): Date {
  return new Date(Date.now() + offsetMs);
}
