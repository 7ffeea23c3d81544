/**
 * Windowing for long lists with a fixed row height: only the rows in (and just around) the viewport
 * are rendered, so a folder of 100,000 entries costs as much as one of 50.
 */
import { useCallback, useEffect, useRef, useState, type UIEvent } from 'react';

/** Rows `[first, last)` to render. */
export interface RowRange {
  readonly first: number;
  readonly last: number;
}

/** The rows that intersect the viewport, widened by `overscan` rows on each side. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): RowRange {
  if (count <= 0 || rowHeight <= 0) return { first: 0, last: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first: Math.min(first, last), last };
}

/** The scrollTop that brings row `index` fully into view, or undefined when it already is. */
export function scrollTopFor(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  align: 'nearest' | 'center' = 'nearest',
): number | undefined {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (align === 'center') return Math.max(0, top - (viewportHeight - rowHeight) / 2);
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return undefined;
}

/**
 * Browsers cap an element's height (Chromium near 33.5 million pixels, fewer elsewhere), which a
 * folder of a million rows would exceed. Above this height the scroll range is compressed: one
 * scrolled pixel then moves the rows by `scale` pixels.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

/** How many row pixels one scrolled pixel stands for (1 unless the list is taller than the cap). */
export function scrollScale(count: number, rowHeight: number, viewportHeight: number): number {
  const real = count * rowHeight;
  if (real <= MAX_SCROLL_HEIGHT) return 1;
  const room = Math.max(1, MAX_SCROLL_HEIGHT - viewportHeight);
  return Math.max(1, (real - viewportHeight) / room);
}

/** What {@link useVirtualWindow} gives a list. */
export interface VirtualWindow {
  readonly range: RowRange;
  readonly totalHeight: number;
  /** Where to place row `index` inside the scrolled content. */
  rowTop(index: number): number;
  /** Attach to the scrolling element. */
  readonly viewportRef: (element: HTMLDivElement | null) => void;
  readonly onScroll: (event: UIEvent<HTMLDivElement>) => void;
  /** Scrolls so that row `index` is visible. */
  scrollToIndex(index: number, align?: 'nearest' | 'center'): void;
  /** Rows that fit in the viewport (for Page Up / Page Down). */
  readonly pageRows: number;
}

/**
 * Tracks the scroll position and size of a viewport and derives which rows to render. `headerHeight`
 * is the height of a sticky header inside the viewport, which hides that much of the rows.
 */
export function useVirtualWindow(count: number, rowHeight: number, headerHeight = 0): VirtualWindow {
  const elementRef = useRef<HTMLDivElement | null>(null);
  const observerRef = useRef<ResizeObserver | undefined>(undefined);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  const viewportRef = useCallback((element: HTMLDivElement | null) => {
    observerRef.current?.disconnect();
    elementRef.current = element;
    if (!element) return;
    setHeight(element.clientHeight);
    setScrollTop(element.scrollTop);
    observerRef.current = new ResizeObserver(() => setHeight(element.clientHeight));
    observerRef.current.observe(element);
  }, []);
  useEffect(() => () => observerRef.current?.disconnect(), []);

  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    setScrollTop(event.currentTarget.scrollTop);
  }, []);

  const visible = height - headerHeight;
  const scale = scrollScale(count, rowHeight, visible);
  // Row coordinates ("virtual") and scroll coordinates differ only when the list is compressed.
  const virtualTop = scrollTop * scale;

  const scrollToIndex = useCallback(
    (index: number, align: 'nearest' | 'center' = 'nearest') => {
      const element = elementRef.current;
      if (!element) return;
      const view = element.clientHeight - headerHeight;
      const factor = scrollScale(count, rowHeight, view);
      const target = scrollTopFor(index, element.scrollTop * factor, view, rowHeight, align);
      if (target === undefined) return;
      element.scrollTop = target / factor;
      setScrollTop(element.scrollTop);
    },
    [rowHeight, headerHeight, count],
  );

  return {
    range: visibleRange(virtualTop, visible, rowHeight, count),
    totalHeight: scale > 1 ? MAX_SCROLL_HEIGHT : count * rowHeight,
    rowTop: (index) => index * rowHeight - virtualTop + scrollTop,
    viewportRef,
    onScroll,
    scrollToIndex,
    pageRows: Math.max(1, Math.floor(visible / rowHeight) - 1),
  };
}
