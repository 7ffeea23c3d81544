/** A SecretStore that keeps passphrases in memory only, for the app's lifetime. */
import type { SecretStore } from '../services.js';

/** Create an in-memory SecretStore; nothing is ever written to disk. */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    get: (repoId) => secrets.get(repoId),
    set: (repoId, passphrase) => {
      secrets.set(repoId, passphrase);
    },
    delete: (repoId) => {
      secrets.delete(repoId);
    },
  };
}
