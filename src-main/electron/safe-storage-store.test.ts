import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSafeStorageStore,
  describeSafeStorage,
  SECRETS_FILE,
  type SafeStorageLike,
} from './safe-storage-store.js';

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

/**
 * A stand-in for Electron's safeStorage (Electron cannot run here): a reversible byte scramble with
 * a marker, so the test can tell ciphertext from plain text and a foreign blob from its own.
 */
function standIn(options: { available?: boolean; backend?: Backend } = {}): SafeStorageLike {
  const marker = Buffer.from('SEALED:');
  const scramble = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b) => b ^ 0x5a));
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (plain) => Buffer.concat([marker, scramble(Buffer.from(plain, 'utf8'))]),
    decryptString: (sealed) => {
      if (!sealed.subarray(0, marker.length).equals(marker))
        throw new Error('Error while decrypting the ciphertext');
      return scramble(sealed.subarray(marker.length)).toString('utf8');
    },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-safe-storage-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('safeStorage store', () => {
  it('stores only ciphertext, in a 0600 file, and a new store (a restart) reads it back', async () => {
    const store = createSafeStorageStore(standIn(), { configDir: dir, platform: 'linux' });
    await store.set('repo-1', 'hunter2 passphrase', 'Home');
    await store.set('repo-2', 'other', 'Two');
    const file = path.join(dir, SECRETS_FILE);
    const text = await fs.readFile(file, 'utf8');
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toMatchObject({ version: 1, entries: { 'repo-1': expect.any(String) } });
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    const restarted = createSafeStorageStore(standIn(), { configDir: dir, platform: 'linux' });
    expect(await restarted.get('repo-1')).toBe('hunter2 passphrase');
    expect(await restarted.get('repo-3')).toBeUndefined();
  });

  it('overwrites and forgets per repository, and quick changes never lose one', async () => {
    const store = createSafeStorageStore(standIn(), { configDir: dir, platform: 'darwin' });
    await Promise.all([store.set('a', 'one', 'A'), store.set('b', 'two', 'B'), store.set('a', 'three', 'A')]);
    expect(await store.get('a')).toBe('three');
    expect(await store.get('b')).toBe('two');
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBe('two');
  });

  it('writes no file when forgetting what was never stored', async () => {
    const store = createSafeStorageStore(standIn(), { configDir: dir, platform: 'win32' });
    await store.delete('never');
    await expect(fs.stat(path.join(dir, SECRETS_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses to store when the system offers no encryption', async () => {
    const store = createSafeStorageStore(standIn({ available: false }), {
      configDir: dir,
      platform: 'linux',
    });
    await expect(store.set('a', 'one', 'A')).rejects.toThrow(/no encryption/);
    expect(store.describe()).toMatchObject({ persistent: false, problem: expect.any(String) });
  });
});

describe('describeSafeStorage', () => {
  it('names the keychain of each platform, and needs no consent there', () => {
    expect(describeSafeStorage(standIn(), 'darwin').label).toMatch(/macOS Keychain/);
    expect(describeSafeStorage(standIn(), 'win32').label).toMatch(/DPAPI/);
    expect(describeSafeStorage(standIn({ backend: 'gnome_libsecret' }), 'linux').label).toMatch(
      /Secret Service/,
    );
    expect(describeSafeStorage(standIn({ backend: 'kwallet6' }), 'linux')).toMatchObject({
      persistent: true,
      label: expect.stringMatching(/KWallet/),
    });
    expect(describeSafeStorage(standIn(), 'darwin').needsExplicitConsent).toBeUndefined();
  });

  it('says when Linux has no real keychain (basic_text, unknown) and asks for an explicit choice', () => {
    for (const backend of ['basic_text', 'unknown'] as const) {
      const described = describeSafeStorage(standIn({ backend }), 'linux');
      expect(described).toMatchObject({ persistent: true, needsExplicitConsent: true });
      expect(described.label).toContain(`"${backend}"`);
      expect(described.label).toMatch(/fixed key/);
    }
  });
});
