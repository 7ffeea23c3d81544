/**
 * Sideways overflow: elements whose box reaches past the window's right edge. An element inside a
 * scroll container that clips it (overflow-x auto/scroll/hidden/clip) and itself fits the window is
 * fine: that container scrolls or clips it on purpose.
 */
import type { Page } from 'playwright-core';

/** One element past the right edge, described well enough to find it in the DOM. */
export interface OverflowingElement {
  readonly element: string;
  readonly text: string;
  readonly right: number;
}

/** What sticks out sideways: the page's own scroll width and the elements past the right edge. */
export interface SidewaysOverflow {
  readonly innerWidth: number;
  readonly scrollWidth: number;
  readonly elements: readonly OverflowingElement[];
  /** Buttons a sideways scroll box hides past its edge: row actions must stay in reach. */
  readonly hiddenButtons: readonly OverflowingElement[];
}

export async function findSidewaysOverflow(page: Page): Promise<SidewaysOverflow> {
  return page.evaluate(() => {
    const edge = window.innerWidth + 0.5;
    const clipping = new Set(['auto', 'scroll', 'hidden', 'clip']);
    const clippedByFittingAncestor = (element: Element): boolean => {
      for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
        if (clipping.has(getComputedStyle(up).overflowX) && up.getBoundingClientRect().right <= edge) {
          return true;
        }
      }
      return false;
    };
    const describe = (element: Element): string => {
      const classes = [...element.classList].slice(0, 3).join('.');
      const label = element.getAttribute('aria-label');
      return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''}${label ? `[aria-label="${label}"]` : ''}`;
    };
    const elements: OverflowingElement[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= edge) continue;
      // An SVG's shapes are the SVG's; visually hidden text (clipped to nothing) shows nowhere.
      if (element instanceof SVGElement && !(element instanceof SVGSVGElement)) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.clipPath.startsWith('inset(50%')) continue;
      if (style.clip.startsWith('rect(0') || element.closest('.visually-hidden')) continue;
      if (clippedByFittingAncestor(element)) continue;
      elements.push({
        element: describe(element),
        text: (element.textContent ?? '').trim().slice(0, 60),
        right: Math.round(box.right),
      });
    }
    const hiddenButtons: OverflowingElement[] = [];
    for (const button of document.body.querySelectorAll('button')) {
      const box = button.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      for (let up = button.parentElement; up && up !== document.body; up = up.parentElement) {
        if (!clipping.has(getComputedStyle(up).overflowX)) continue;
        const frame = up.getBoundingClientRect();
        if (box.right > frame.right + 0.5 || box.left < frame.left - 0.5) {
          hiddenButtons.push({
            element: describe(button),
            text: (button.textContent ?? '').trim().slice(0, 60),
            right: Math.round(box.right),
          });
        }
        break;
      }
    }
    return {
      hiddenButtons,
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      elements,
    };
  });
}
