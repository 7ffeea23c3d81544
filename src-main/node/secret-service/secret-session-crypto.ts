/**
 * The encryption of the Secret Service's `dh-ietf1024-sha256-aes128-cbc-pkcs7` session, so a
 * passphrase never crosses the bus in clear (any process on the session bus could listen in
 * otherwise). Both ends pick a Diffie-Hellman key in the 1024-bit IETF group (RFC 2409, "modp2"),
 * derive a 16-byte AES key from the shared secret with HKDF-SHA256 (no salt, no info), and each
 * secret travels AES-128-CBC encrypted with PKCS7 padding, its random IV as the "parameters".
 * Reference: the Secret Service API spec, "Transfer of Secrets".
 */
import { createCipheriv, createDecipheriv, getDiffieHellman, hkdfSync, randomBytes } from 'node:crypto';

/** The algorithm name OpenSession takes. */
export const DH_ALGORITHM = 'dh-ietf1024-sha256-aes128-cbc-pkcs7';

/** A secret as the Secret Service carries it (the body of its `(oayays)` struct, minus the session). */
export interface SealedSecret {
  readonly parameters: Buffer;
  readonly value: Buffer;
  readonly contentType: string;
}

/** One side of the key exchange: our public key to send, then the session key from theirs. */
export interface KeyExchange {
  readonly publicKey: Buffer;
  /** The AES-128 key shared with the peer whose public key is `peerPublicKey`. */
  sessionKey(peerPublicKey: Buffer): Buffer;
}

/** Start a key exchange in the IETF 1024-bit group. */
export function startKeyExchange(): KeyExchange {
  const dh = getDiffieHellman('modp2');
  const publicKey = dh.generateKeys();
  return {
    publicKey,
    sessionKey(peerPublicKey) {
      // Node pads the shared secret to the group's 128 bytes, as libsecret and gnome-keyring do.
      const shared = dh.computeSecret(peerPublicKey);
      return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), Buffer.alloc(0), 16));
    },
  };
}

/** Encrypt `plain` for the session with `key`. */
export function seal(key: Buffer, plain: string): SealedSecret {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-cbc', key, iv);
  const value = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { parameters: iv, value, contentType: 'text/plain; charset=utf8' };
}

/** Decrypt a secret the service sent in the session with `key`; throws on a bad padding or IV. */
export function unseal(key: Buffer, secret: Pick<SealedSecret, 'parameters' | 'value'>): string {
  if (secret.parameters.length !== 16) throw new Error('the keyring sent a secret without a valid IV');
  const decipher = createDecipheriv('aes-128-cbc', key, secret.parameters);
  return Buffer.concat([decipher.update(secret.value), decipher.final()]).toString('utf8');
}
