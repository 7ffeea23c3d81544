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
