import { describe, expect, it } from 'vitest';
import { rememberByDefault } from './secret-storage.js';

describe('rememberByDefault', () => {
  const keyring = { kind: 'secret-service', persistent: true, label: 'x' } as const;
  it('is on only where the store lasts, needs no consent and works', () => {
    expect(rememberByDefault(keyring)).toBe(true);
    expect(rememberByDefault({ ...keyring, needsExplicitConsent: true })).toBe(false);
    expect(rememberByDefault({ ...keyring, problem: 'locked' })).toBe(false);
    expect(rememberByDefault({ kind: 'memory', persistent: false, label: 'x' })).toBe(false);
    expect(rememberByDefault(undefined)).toBe(false);
  });
});
