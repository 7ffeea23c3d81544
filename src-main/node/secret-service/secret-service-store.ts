/**
 * The browser host's SecretStore: the freedesktop Secret Service on the session bus (GNOME Keyring,
 * KWallet, KeePassXC), one item per repository in the default collection, labelled
 * "Borgdesk: <name>" and found by the attributes {application: borgdesk, repository: <id>}. Without a
 * session bus or a keyring on it, passphrases stay in memory only, and Settings says why.
 */
import type { SecretStorage } from '../../model/secret-storage.js';
import { createMemorySecretStore } from '../../core/secrets/memory-secret-store.js';
import type { SecretStore } from '../../core/services.js';
import { SecretServiceClient, SecretServiceError } from './secret-service-client.js';

/** The attributes that find a repository's item (`secret-tool lookup application borgdesk repository <id>`). */
export function itemAttributes(repoId: string): Record<string, string> {
  return { application: 'borgdesk', repository: repoId };
}

const LABEL =
  'Passphrases you choose to remember are kept in your keyring (the Secret Service on the session bus, e.g. GNOME Keyring or KWallet), encrypted with your login.';

/** Options for the Secret Service store. */
export interface SecretServiceStoreOptions {
  /** The session bus address (DBUS_SESSION_BUS_ADDRESS). */
  readonly address: string;
  /** Longest wait for one answer of the bus or the keyring. Default 5 s. */
  readonly timeoutMs?: number;
}

/** A SecretStore on the Secret Service at `address`; connects at the first use, again after a failure. */
export function createSecretServiceStore(options: SecretServiceStoreOptions): SecretStore {
  const timeoutMs = options.timeoutMs ?? 5_000;
  let client: Promise<SecretServiceClient> | undefined;
  let problem: string | undefined;

  const connected = async (): Promise<SecretServiceClient> => {
    const pending = (client ??= SecretServiceClient.connect(options.address, timeoutMs));
    try {
      const open = await pending;
      if (!open.isClosed) return open;
    } catch (error) {
      if (client === pending) client = undefined;
      throw error;
    }
    if (client === pending) client = undefined;
    return connected();
  };
  // Each operation reports its outcome to the statement: a problem shows until one succeeds.
  const attempt = async <T>(
    work: (open: SecretServiceClient, collection: string) => Promise<T>,
  ): Promise<T> => {
    try {
      const open = await connected();
      const result = await work(open, await open.unlockedDefaultCollection());
      problem = undefined;
      return result;
    } catch (error) {
      const reason = error instanceof SecretServiceError ? error.message : String(error);
      problem = reason;
      throw new SecretServiceError(reason);
    }
  };

  return {
    describe(): SecretStorage {
      return {
        kind: 'secret-service',
        persistent: true,
        label: LABEL,
        words: { code: 'stored', place: 'secret-service' },
        ...(problem !== undefined && {
          problem: `The keyring cannot be used: ${problem}.`,
          problemWords: { code: 'keyring-unusable', detail: problem },
        }),
      };
    },
    get: (repoId) =>
      attempt(async (open, collection) => {
        const [item] = await open.search(collection, itemAttributes(repoId));
        return item === undefined ? undefined : open.secret(item);
      }),
    set: (repoId, passphrase, repositoryName) =>
      attempt((open, collection) =>
        open.store(collection, `Borgdesk: ${repositoryName}`, itemAttributes(repoId), passphrase),
      ),
    delete: (repoId) =>
      attempt(async (open, collection) => {
        for (const item of await open.search(collection, itemAttributes(repoId))) await open.delete(item);
      }),
    async close() {
      const pending = client;
      client = undefined;
      await (await pending?.catch(() => undefined))?.close();
    },
  };
}

/**
 * The browser host's choice at start: the Secret Service when the session bus has a keyring that
 * answers; otherwise memory only, with the reason in the statement. A keyring that is there but
 * locked (or slow) stays chosen, its problem shown, so it works once it is unlocked.
 */
export async function chooseBrowserSecretStore(
  env: Readonly<NodeJS.ProcessEnv>,
  timeoutMs = 5_000,
): Promise<SecretStore> {
  const address = env['DBUS_SESSION_BUS_ADDRESS'];
  if (address === undefined || address === '') {
    return createMemorySecretStore({
      text: 'no keyring found (no session bus: DBUS_SESSION_BUS_ADDRESS is not set)',
      words: { code: 'memory', why: 'no-session-bus' },
    });
  }
  let probe: SecretServiceClient;
  try {
    probe = await SecretServiceClient.connect(address, timeoutMs);
  } catch (error) {
    const reason = error instanceof SecretServiceError ? error.message : String(error);
    return createMemorySecretStore(
      reason === 'no keyring found on the session bus'
        ? { text: reason, words: { code: 'memory', why: 'no-keyring' } }
        : {
            text: `no keyring could be used (${reason})`,
            words: { code: 'memory', why: 'keyring-unusable', detail: reason },
          },
    );
  }
  await probe.close();
  const store = createSecretServiceStore({ address, timeoutMs });
  // Learn now whether the keyring is locked, so Settings says so from the start.
  await store.get('-').catch(() => undefined);
  return store;
}
