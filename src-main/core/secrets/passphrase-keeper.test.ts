import { describe, expect, it } from 'vitest';
import type { SecretStorage } from '../../model/secret-storage.js';
import type { SecretStore } from '../services.js';
import { createMemorySecretStore } from './memory-secret-store.js';
import { PassphraseKeeper } from './passphrase-keeper.js';

/** A lasting store as a keychain behaves (a Map that outlives the keeper), failing on demand. */
function lastingStore(storage: Partial<SecretStorage> = {}) {
  const entries = new Map<string, string>();
  let failing: string | undefined;
  const store: SecretStore = {
    describe: () => ({ kind: 'secret-service', persistent: true, label: 'in the keyring', ...storage }),
    get: async (id) => (failing ? Promise.reject(new Error(failing)) : entries.get(id)),
    set: async (id, passphrase) => {
      if (failing) throw new Error(failing);
      entries.set(id, passphrase);
    },
    delete: async (id) => {
      if (failing) throw new Error(failing);
      entries.delete(id);
    },
  };
  return { store, entries, fail: (why: string | undefined) => (failing = why) };
}

const quiet = (): void => undefined;

describe('PassphraseKeeper', () => {
  it('remembers by default where the store lasts, and a new keeper loads it (a restart)', async () => {
    const { store, entries } = lastingStore();
    const keeper = new PassphraseKeeper(store, quiet);
    await keeper.hold('a', 'secret-a', { repositoryName: 'A' });
    expect(entries.get('a')).toBe('secret-a');
    expect(keeper.isStored('a')).toBe(true);
    const restarted = new PassphraseKeeper(store, quiet);
    expect(restarted.peek('a')).toBeUndefined();
    await restarted.load(['a', 'b']);
    expect(restarted.peek('a')).toBe('secret-a');
    expect(restarted.isStored('a')).toBe(true);
    expect(restarted.peek('b')).toBeUndefined();
  });

  it('holds without storing when remember is off, and unticking removes an earlier copy', async () => {
    const { store, entries } = lastingStore();
    const keeper = new PassphraseKeeper(store, quiet);
    await keeper.hold('a', 'one', { repositoryName: 'A' });
    await keeper.hold('a', 'one', { repositoryName: 'A', remember: false });
    expect(keeper.peek('a')).toBe('one');
    expect(keeper.isStored('a')).toBe(false);
    expect(entries.has('a')).toBe(false);
  });

  it('stores where consent is needed only on an explicit choice', async () => {
    const { store, entries } = lastingStore({ needsExplicitConsent: true });
    const keeper = new PassphraseKeeper(store, quiet);
    await keeper.hold('a', 'one', { repositoryName: 'A' });
    expect(entries.has('a')).toBe(false);
    await keeper.hold('b', 'two', { repositoryName: 'B', remember: true });
    expect(entries.get('b')).toBe('two');
  });

  it('never stores in the memory store: nothing is "remembered"', async () => {
    const keeper = new PassphraseKeeper(createMemorySecretStore(), quiet);
    await keeper.hold('a', 'one', { repositoryName: 'A', remember: true });
    expect(keeper.peek('a')).toBe('one');
    expect(keeper.isStored('a')).toBe(false);
  });

  it('forgets both copies', async () => {
    const { store, entries } = lastingStore();
    const keeper = new PassphraseKeeper(store, quiet);
    await keeper.hold('a', 'one', { repositoryName: 'A' });
    await keeper.forget('a');
    expect(keeper.peek('a')).toBeUndefined();
    expect(entries.has('a')).toBe(false);
  });

  it('drops a rejected passphrase and its stored copy, but not a newer one', async () => {
    const { store, entries } = lastingStore();
    const keeper = new PassphraseKeeper(store, quiet);
    await keeper.hold('a', 'old', { repositoryName: 'A' });
    await keeper.hold('a', 'new', { repositoryName: 'A' });
    expect(await keeper.rejected('a', 'old')).toBe(false);
    expect(keeper.peek('a')).toBe('new');
    expect(await keeper.rejected('a', 'new')).toBe(true);
    expect(keeper.peek('a')).toBeUndefined();
    expect(entries.has('a')).toBe(false);
  });

  it('replaces the stored copy after a passphrase change only if one was stored', async () => {
    const { store, entries } = lastingStore();
    const keeper = new PassphraseKeeper(store, quiet);
    await keeper.hold('a', 'old', { repositoryName: 'A' });
    await keeper.hold('b', 'old', { repositoryName: 'B', remember: false });
    await keeper.replace('a', 'new', 'A');
    await keeper.replace('b', 'new', 'B');
    expect(entries.get('a')).toBe('new');
    expect(entries.has('b')).toBe(false);
    expect(keeper.peek('b')).toBe('new');
  });

  it('keeps an unlock working when the store fails, and names the failure in the statement', async () => {
    const { store, fail } = lastingStore();
    const warnings: string[] = [];
    const keeper = new PassphraseKeeper(store, (m) => warnings.push(m));
    fail('the keyring is locked');
    await keeper.hold('a', 'one', { repositoryName: 'A' });
    expect(keeper.peek('a')).toBe('one');
    expect(keeper.isStored('a')).toBe(false);
    expect(keeper.storage().problem).toBe(
      'Borgdesk could not remember the passphrase: the keyring is locked',
    );
    expect(warnings).toHaveLength(1);
    fail(undefined);
    await keeper.hold('a', 'one', { repositoryName: 'A' });
    expect(keeper.storage().problem).toBeUndefined();
  });
});
