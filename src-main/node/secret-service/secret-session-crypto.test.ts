import { describe, expect, it } from 'vitest';
import { seal, startKeyExchange, unseal } from './secret-session-crypto.js';

describe('Secret Service session encryption', () => {
  it('gives both ends of the exchange the same 16-byte key', () => {
    const ours = startKeyExchange();
    const theirs = startKeyExchange();
    const key = ours.sessionKey(theirs.publicKey);
    expect(key).toHaveLength(16);
    expect(key.equals(theirs.sessionKey(ours.publicKey))).toBe(true);
  });

  it('seals a passphrase so it does not travel in clear, and unseals it with the key', () => {
    const key = startKeyExchange().sessionKey(startKeyExchange().publicKey);
    const sealed = seal(key, 'pässphrase 1234567');
    expect(sealed.parameters).toHaveLength(16);
    expect(sealed.value.length % 16).toBe(0);
    expect(sealed.value.includes(Buffer.from('phrase'))).toBe(false);
    expect(unseal(key, sealed)).toBe('pässphrase 1234567');
  });

  it('refuses a secret sealed with another key or without an IV', () => {
    const key = Buffer.alloc(16, 1);
    const sealed = seal(key, 'x'.repeat(40));
    // A wrong key fails the padding check, or (rarely) yields garbage: never the passphrase.
    let opened: string | undefined;
    try {
      opened = unseal(Buffer.alloc(16, 2), sealed);
    } catch {
      opened = undefined;
    }
    expect(opened).not.toBe('x'.repeat(40));
    expect(() => unseal(key, { parameters: Buffer.alloc(0), value: sealed.value })).toThrow(/IV/);
  });
});
