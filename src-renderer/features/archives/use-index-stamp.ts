/**
 * A token that changes when an archive's contents index has meaningfully changed: at once when it
 * becomes ready or fails, and at most about once a second while it grows, so open folders and
 * search results refresh during loading without a request per progress event.
 */
import { useEffect, useRef, useState } from 'react';
import type { ArchiveIndexState } from '../../../src-main/model/archive.js';

const GROWTH_INTERVAL_MS = 900;

/** The stamp of an index state ("loading:1200", "ready:5000"); "none" before any state is known. */
export function stampOf(state: ArchiveIndexState | undefined): string {
  return state ? `${state.status}:${state.entryCount}` : 'none';
}

/** How long to wait before taking a new stamp: at once unless loading, else until an interval has passed since the last. */
export function refreshDelay(loading: boolean, lastRefreshMs: number, nowMs: number): number {
  return loading ? Math.max(0, lastRefreshMs + GROWTH_INTERVAL_MS - nowMs) : 0;
}

/** The throttled stamp of `state`. */
export function useIndexStamp(state: ArchiveIndexState | undefined): string {
  const current = stampOf(state);
  const status = state?.status;
  const [stamp, setStamp] = useState(current);
  const lastSet = useRef(0);
  useEffect(() => {
    if (current === stamp) return;
    // Progress events arrive faster than the interval: waiting from the last refresh (not from the
    // last event) makes this a throttle, so a growing index still refreshes about once a second.
    const wait = refreshDelay(status === 'loading', lastSet.current, Date.now());
    const timer = setTimeout(() => {
      lastSet.current = Date.now();
      setStamp(current);
    }, wait);
    return () => clearTimeout(timer);
  }, [current, stamp, status]);
  return stamp;
}
