/**
 * Makes everything outside the topmost dialog inert and hidden from assistive technology, so
 * screen readers, keyboard users and role-based queries only ever meet the dialog in front.
 * Dialogs nest (a folder picker over the backup dialog), so hiding is undone in reverse order.
 */

type Saved = { readonly element: Element; readonly ariaHidden: string | null; readonly inert: boolean };

/** Hides the siblings of `layer` (a direct child of body); returns the function that restores them. */
export function isolateLayer(layer: HTMLElement): () => void {
  const saved: Saved[] = [];
  for (const element of Array.from(document.body.children)) {
    if (element === layer || !(element instanceof HTMLElement) || element.tagName === 'SCRIPT') continue;
    saved.push({ element, ariaHidden: element.getAttribute('aria-hidden'), inert: element.inert });
    element.setAttribute('aria-hidden', 'true');
    element.inert = true;
  }
  return () => {
    for (const { element, ariaHidden, inert } of saved) {
      if (ariaHidden === null) element.removeAttribute('aria-hidden');
      else element.setAttribute('aria-hidden', ariaHidden);
      (element as HTMLElement).inert = inert;
    }
  };
}

const focusableSelector = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The keyboard-focusable elements inside `root`, in tab order. */
export function focusableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(focusableSelector)).filter(
    (el) => !el.closest('[inert]') && el.getClientRects().length > 0,
  );
}

/** The element a dialog should focus first: its autofocus element, else its first form field. */
export function initialFocusIn(root: HTMLElement): HTMLElement | undefined {
  const marked = root.querySelector<HTMLElement>('[data-autofocus]');
  if (marked) return marked;
  const fields = focusableIn(root).filter((el) => el.matches('input, select, textarea'));
  return fields[0] ?? focusableIn(root).find((el) => !el.matches('.dialog-close'));
}

/** How to find the control that opened a dialog again, even after it re-rendered. */
interface OpenerTrace {
  readonly element: HTMLElement;
  readonly id: string;
  readonly tagName: string;
  readonly name: string;
  /** Its place among the page's elements with the same tag and name. */
  readonly rank: number;
}

function visibleName(element: Element): string {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
}

function twinsOf(trace: Pick<OpenerTrace, 'tagName' | 'name'>): HTMLElement[] {
  return Array.from(document.getElementsByTagName(trace.tagName)).filter(
    (el): el is HTMLElement => el instanceof HTMLElement && visibleName(el) === trace.name,
  );
}

/**
 * Remembers the focused element (the dialog's opener) and returns the function that puts focus back
 * on it. Lists re-render while a dialog is open (a backup finishes, a row updates), so the opener
 * may be a new element by then: it is found again by id, else by tag and name in the same place,
 * and the check repeats on the next frame in case the page replaces it right after the close.
 */
export function rememberOpener(): () => void {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || element === document.body) return () => undefined;
  const name = visibleName(element);
  const trace: OpenerTrace = {
    element,
    id: element.id,
    tagName: element.tagName,
    name,
    rank: twinsOf({ tagName: element.tagName, name }).indexOf(element),
  };
  return () => {
    refocus(trace);
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active === null || active === document.body) refocus(trace);
    });
  };
}

function refocus(trace: OpenerTrace): void {
  findOpener(trace)?.focus({ preventScroll: true });
}

function findOpener(trace: OpenerTrace): HTMLElement | undefined {
  if (trace.element.isConnected) return trace.element;
  const byId = trace.id ? document.getElementById(trace.id) : null;
  if (byId) return byId;
  const twins = twinsOf(trace);
  return twins[trace.rank] ?? twins[0];
}
