/**
 * The desktop app's SecretStore: Electron's `safeStorage` encrypts each passphrase with a key the OS
 * keeps (macOS Keychain, Windows DPAPI, on Linux the Secret Service or KWallet through Chromium's
 * OSCrypt); only the ciphertext (base64) is written, to `secrets.json` in the config folder
 * (mode 0600, atomically), keyed by repository id. Where Linux has no real keychain (backend
 * `basic_text`, or unknown) the key is a fixed one, so nothing is stored unless the user ticks
 * "Remember" knowingly (the statement says why). No electron import at runtime: the host passes
 * `safeStorage` in, so this is unit-tested with a stand-in.
 */
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { z } from 'zod';
import type { keyPlaces, SecretStorage } from '../model/secret-storage.js';

type KeyPlace = (typeof keyPlaces)[number];
import type { SecretStore } from '../core/services.js';
import { readJsonFile, writeJsonAtomic } from '../core/settings/json-file.js';

/** The part of Electron's `safeStorage` this store uses (checked against electron.d.ts). */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

/** The file beside settings.json that holds the ciphertexts. */
export const SECRETS_FILE = 'secrets.json';

const fileSchema = z.object({
  version: z.literal(1),
  /** Repository id → base64 of safeStorage's ciphertext. */
  entries: z.record(z.string(), z.string()),
});
type SecretsFile = z.infer<typeof fileSchema>;

/** Where the OS keeps the key, in the user's words; `weak` when there is no real keychain. */
export function describeSafeStorage(safeStorage: SafeStorageLike, platform: NodeJS.Platform): SecretStorage {
  if (!safeStorage.isEncryptionAvailable()) {
    return {
      kind: 'electron-safe-storage',
      persistent: false,
      label:
        'Passphrases are kept in memory only until Borgdesk stops: the system offers no encryption for stored secrets.',
      words: { code: 'memory', why: 'no-encryption' },
      problem: 'No keychain is available to Borgdesk on this computer.',
      problemWords: { code: 'no-keychain' },
    };
  }
  const stored = (where: string, place: KeyPlace): SecretStorage => ({
    kind: 'electron-safe-storage',
    persistent: true,
    label: `Passphrases you choose to remember are encrypted with a key kept in ${where}, and stored in Borgdesk's config folder.`,
    words: { code: 'stored', place },
  });
  if (platform === 'darwin') return stored('the macOS Keychain', 'macos-keychain');
  if (platform === 'win32') return stored('Windows (DPAPI, tied to your Windows login)', 'windows-dpapi');
  if (platform !== 'linux') return stored('the system keychain', 'system-keychain');
  const backend = safeStorage.getSelectedStorageBackend();
  if (backend === 'gnome_libsecret')
    return stored('your keyring (Secret Service, e.g. GNOME Keyring)', 'gnome-keyring');
  if (backend.startsWith('kwallet')) return stored('KWallet', 'kwallet');
  return {
    kind: 'electron-safe-storage',
    persistent: true,
    needsExplicitConsent: true,
    label: `No keychain was found on this desktop (Electron reports "${backend}"): a passphrase you choose to remember would be stored with a fixed key, so anyone who can read your files could read it. Borgdesk stores one only when you tick "Remember" yourself.`,
    words: { code: 'weak', backend },
  };
}

/** A SecretStore on `safeStorage`, its ciphertexts in `<configDir>/secrets.json`. */
export function createSafeStorageStore(
  safeStorage: SafeStorageLike,
  options: { readonly configDir: string; readonly platform: NodeJS.Platform },
): SecretStore {
  const file = path.join(options.configDir, SECRETS_FILE);
  const empty = (): SecretsFile => ({ version: 1, entries: {} });
  // One change at a time, each reading the file afresh, so two quick changes never lose one.
  let queue: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<SecretsFile> => (await readJsonFile(file, fileSchema, empty)).value;
  // `edit` returns false when it changed nothing (forgetting what was never stored writes no file).
  const change = (edit: (entries: Record<string, string>) => boolean): Promise<void> => {
    const next = queue.then(async () => {
      const current = await read();
      const entries = { ...current.entries };
      if (edit(entries)) await writeJsonAtomic(file, { version: 1, entries });
    });
    queue = next.catch(() => undefined);
    return next;
  };
  const usable = (): void => {
    if (!safeStorage.isEncryptionAvailable())
      throw new Error('the system offers no encryption for stored secrets');
  };

  return {
    describe: () => describeSafeStorage(safeStorage, options.platform),
    async get(repoId) {
      await queue;
      const sealed = (await read()).entries[repoId];
      if (sealed === undefined) return undefined;
      usable();
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    },
    async set(repoId, passphrase) {
      usable();
      const sealed = safeStorage.encryptString(passphrase).toString('base64');
      await change((entries) => {
        entries[repoId] = sealed;
        return true;
      });
    },
    delete: (repoId) =>
      change((entries) => {
        if (!(repoId in entries)) return false;
        delete entries[repoId];
        return true;
      }),
  };
}
