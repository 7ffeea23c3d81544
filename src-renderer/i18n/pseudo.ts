/**
 * The pseudo-locale's marking. Every catalog string (and every formatted number, size and date) is
 * wrapped in ⟦ ⟧ while the pseudo-locale is on; e2e/support/untranslated-text.ts then reports any
 * visible letters outside such brackets (or outside `translate="no"` data) as text not from a catalog.
 */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

let pseudoOn = false;

/** Turns the marking on or off (i18n setup calls this when the language changes). */
export function setPseudoMarking(on: boolean): void {
  pseudoOn = on;
}

/** Wraps text in the pseudo-locale's brackets when the pseudo-locale is on; otherwise returns it. */
export function markTranslated(text: string): string {
  return pseudoOn ? `${PSEUDO_OPEN}${text}${PSEUDO_CLOSE}` : text;
}
