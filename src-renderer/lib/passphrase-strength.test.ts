import { describe, expect, it } from 'vitest';
import { estimatePassphraseStrength } from './passphrase-strength.js';

describe('estimatePassphraseStrength', () => {
  it('calls anything under eight characters too short', () => {
    expect(estimatePassphraseStrength('').score).toBe(0);
    expect(estimatePassphraseStrength('Ab1!xyz').label).toBe('Too short');
  });

  it('rates common words and runs as weak', () => {
    expect(estimatePassphraseStrength('password').score).toBe(1);
    expect(estimatePassphraseStrength('12345678').score).toBe(1);
    expect(estimatePassphraseStrength('aaaaaaaaaaaaaaaa').score).toBe(1);
    expect(estimatePassphraseStrength('password123').hint).toMatch(/common words/);
  });

  it('rewards length and variety', () => {
    const fair = estimatePassphraseStrength('sunset-lake');
    const strong = estimatePassphraseStrength('correct horse battery staple');
    expect(fair.score).toBeGreaterThanOrEqual(2);
    expect(strong.score).toBe(4);
    expect(strong.label).toBe('Strong');
    expect(strong.bits).toBeGreaterThan(fair.bits);
  });

  it('never scores higher when a passphrase is cut short', () => {
    const long = estimatePassphraseStrength('Tr0ub4dor&3-mountain-river');
    const short = estimatePassphraseStrength('Tr0ub4dor');
    expect(long.score).toBeGreaterThanOrEqual(short.score);
  });
});
