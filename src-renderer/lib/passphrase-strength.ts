/**
 * A small, dependency-free passphrase strength estimate. It is a hint, not a guarantee: it rewards
 * length and variety and punishes the patterns people reach for first (repeats, runs, common words).
 * The label and hint are in the current language (components catalog).
 */
import { componentsT } from './choices.js';

/** How strong a passphrase looks, from 0 (empty/too short) to 4 (strong). */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** The estimate shown under a passphrase field. */
export interface PassphraseStrength {
  readonly score: StrengthScore;
  /** "Too short", "Weak", "Fair", "Good" or "Strong", in the current language. */
  readonly label: string;
  /** One actionable sentence for the user. */
  readonly hint: string;
  /** Rough entropy estimate in bits, after penalties. */
  readonly bits: number;
}

/** Shorter than this is never accepted as anything but "Too short". */
export const MIN_PASSPHRASE_LENGTH = 8;

const commonFragments = [
  'password',
  'passwort',
  'passphrase',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'iloveyou',
  'monkey',
  'dragon',
  'secret',
  'backup',
  'borg',
  '123456',
  'abc123',
];

function charsetSize(text: string): number {
  let size = 0;
  if (/[a-z]/.test(text)) size += 26;
  if (/[A-Z]/.test(text)) size += 26;
  if (/[0-9]/.test(text)) size += 10;
  if (/[^a-zA-Z0-9]/.test(text)) size += 33;
  return Math.max(size, 1);
}

// Counts characters that continue a run like "abc", "321" or "aaa": they add almost nothing.
function predictableCount(text: string): number {
  let count = 0;
  for (let i = 2; i < text.length; i += 1) {
    const a = text.charCodeAt(i - 2);
    const b = text.charCodeAt(i - 1);
    const c = text.charCodeAt(i);
    const step = b - a;
    if (Math.abs(step) <= 1 && c - b === step) count += 1;
  }
  return count;
}

/** Estimates the strength of a passphrase. */
export function estimatePassphraseStrength(passphrase: string): PassphraseStrength {
  const t = componentsT();
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    return {
      score: 0,
      label: t('strength.label.tooShort'),
      hint: t('strength.hint.tooShort', { min: MIN_PASSPHRASE_LENGTH }),
      bits: 0,
    };
  }
  const lower = passphrase.toLowerCase();
  const common = commonFragments.filter((fragment) => lower.includes(fragment));
  const commonLength = common.reduce((sum, fragment) => sum + fragment.length, 0);
  const unique = new Set(passphrase).size;
  const effectiveLength = Math.max(1, length - predictableCount(passphrase) - commonLength * 0.75);
  let bits = effectiveLength * Math.log2(charsetSize(passphrase));
  // Few distinct characters ("aaaaaaaabbbb") cap the estimate whatever the length.
  bits = Math.min(bits, unique * 6);
  bits = Math.round(bits);

  const score: StrengthScore = bits < 35 ? 1 : bits < 55 ? 2 : bits < 75 ? 3 : 4;
  const label = t(`strength.label.${(['tooShort', 'weak', 'fair', 'good', 'strong'] as const)[score]}`);
  let hint: string;
  if (common.length > 0) hint = t('strength.hint.common');
  else if (score <= 2) hint = t('strength.hint.longer');
  else if (score === 3) hint = t('strength.hint.good');
  else hint = t('strength.hint.strong');
  return { score, label, hint, bits };
}
