/**
 * The pseudo-locale check: with `?locale=pseudo` every catalog string and every formatted figure is
 * wrapped in ⟦ ⟧, so any visible letters outside those brackets did not come from a catalog. Text the
 * user or borg wrote (names, paths, borg's own messages) sits in `translate="no"` elements and is skipped.
 */
import type { Page } from 'playwright-core';

// Words that stay as they are in every language: product and protocol names, SI units, borg's modes.
const UNTRANSLATABLE =
  /\b(Borgdesk|borg|BorgBackup|SSH|ssh|SFTP|sftp|rclone|URL|ID|B|kB|MB|GB|TB|PB|s|min|h)\b/g;

export interface UntranslatedText {
  /** Visible text (innerText of the page outside data) that is not from a catalog. */
  readonly text: readonly string[];
  /** aria-label, title, placeholder and alt values not from a catalog. */
  readonly attributes: readonly string[];
}

/** Lists what is visible on the page right now and not from a catalog (empty lists: all translated). */
export async function findUntranslatedText(page: Page): Promise<UntranslatedText> {
  return page.evaluate((untranslatable) => {
    const strip = (value: string): string =>
      value
        .replace(/⟦[^⟦⟧]*⟧/g, ' ')
        .replace(new RegExp(untranslatable, 'g'), ' ')
        .trim();
    const hasLetters = (value: string): boolean => /\p{L}/u.test(value);
    // Hidden (not removed) so the layout, and so innerText's idea of what is visible, stays the same.
    const hide = document.createElement('style');
    // A select's innerText lists every option; only the chosen one is visible, so selects are read below.
    hide.textContent =
      '[translate="no"], [translate="no"] *, select, select * { visibility: hidden !important; }';
    document.head.append(hide);
    let visible: string;
    try {
      visible = document.body.innerText;
    } finally {
      hide.remove();
    }
    // Nested brackets (a translated sentence holding a formatted size) are removed from the inside out.
    let remaining = visible;
    for (let pass = 0; pass < 5; pass += 1) remaining = remaining.replace(/⟦[^⟦⟧]*⟧/g, ' ');
    const text = remaining.split('\n').map(strip).filter(hasLetters);
    for (const select of Array.from(document.querySelectorAll('select'))) {
      const chosen = select.selectedOptions[0];
      if (!chosen || select.closest('[translate="no"]') || chosen.getAttribute('translate') === 'no')
        continue;
      if (select.getBoundingClientRect().width === 0) continue;
      let rest = chosen.text;
      for (let pass = 0; pass < 5; pass += 1) rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
      if (hasLetters(strip(rest))) text.push(`select: ${chosen.text}`);
    }
    const attributes: string[] = [];
    for (const element of Array.from(
      document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]'),
    )) {
      if (element.closest('[translate="no"]')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = element.getAttribute(name);
        if (!value) continue;
        let rest = value;
        for (let pass = 0; pass < 5; pass += 1) rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
        if (hasLetters(strip(rest))) attributes.push(`${element.tagName.toLowerCase()}[${name}="${value}"]`);
      }
    }
    return { text, attributes };
  }, UNTRANSLATABLE.source);
}
