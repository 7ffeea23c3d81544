/**
 * Figures of the archive screens that lib/format.ts has no formatter for: the share of borg's item
 * list an archive uses (two significant digits, as borg's own percentage), and the chunker settings
 * in words. Both follow the UI's formatting locale and are marked for the pseudo-locale like
 * format.ts's figures.
 */
import i18next from 'i18next';
import { currentFormatLocale } from '../../i18n/locale-state.js';
import { markTranslated } from '../../i18n/pseudo.js';

/** A fraction as a percentage with two significant digits ("12", "0.50", "0,50"), without the sign. */
export function formatPercent(fraction: number): string {
  return markTranslated(
    new Intl.NumberFormat(currentFormatLocale(), {
      minimumSignificantDigits: 2,
      maximumSignificantDigits: 2,
    }).format(fraction * 100),
  );
}

/** Borg's chunker parameters in words; unknown algorithms are shown as borg lists them. */
export function describeChunker(params: readonly (string | number)[]): string {
  const [algo, ...rest] = params;
  if (algo === 'buzhash' && rest.length === 4) {
    const [min, max, mask, window] = rest.map(String);
    return i18next.t('info.chunkerBuzhash', { ns: 'archives', min, max, mask, window });
  }
  if (algo === 'fixed') return i18next.t('info.chunkerFixed', { ns: 'archives', sizes: rest.join(', ') });
  return params.join(', ');
}
