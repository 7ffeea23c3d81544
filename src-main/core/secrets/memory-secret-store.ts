/** A SecretStore that keeps passphrases in memory only, for the app's lifetime. */
import type { SecretStorage, SecretStorageWords } from '../../model/secret-storage.js';
import type { SecretStore } from '../services.js';

/** Why nothing outlives the process: the English for the log, and the same as data for the window. */
export interface MemoryReason {
  readonly text: string;
  readonly words: Extract<SecretStorageWords, { code: 'memory' }>;
}

/** What Settings says when nothing outlives the process; `why` tells the reason when there is one. */
export function memoryStorage(why?: MemoryReason): SecretStorage {
  const label = 'Passphrases are kept in memory only until Borgdesk stops';
  return {
    kind: 'memory',
    persistent: false,
    label: why === undefined ? `${label}.` : `${label}: ${why.text}.`,
    words: why?.words ?? { code: 'memory', why: 'none' },
  };
}

/** Create an in-memory SecretStore; nothing is ever written to disk. `why` explains why no keychain is used. */
export function createMemorySecretStore(why?: MemoryReason): SecretStore {
  const secrets = new Map<string, string>();
  const storage = memoryStorage(why);
  return {
    describe: () => storage,
    get: (repoId) => Promise.resolve(secrets.get(repoId)),
    set: (repoId, passphrase) => {
      secrets.set(repoId, passphrase);
      return Promise.resolve();
    },
    delete: (repoId) => {
      secrets.delete(repoId);
      return Promise.resolve();
    },
  };
}
