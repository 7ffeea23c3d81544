import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from './memory-secret-store.js';

describe('createMemorySecretStore', () => {
  it('holds, replaces and forgets passphrases per repository', async () => {
    const store = createMemorySecretStore();
    expect(await store.get('a')).toBeUndefined();
    await store.set('a', 'one', 'A');
    await store.set('b', 'two', 'B');
    await store.set('a', 'three', 'A');
    expect(await store.get('a')).toBe('three');
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBe('two');
  });

  it('keeps stores independent', async () => {
    const first = createMemorySecretStore();
    await first.set('a', 'x', 'A');
    expect(await createMemorySecretStore().get('a')).toBeUndefined();
  });

  it('says it lasts only until Borgdesk stops, and why', () => {
    expect(createMemorySecretStore().describe()).toEqual({
      kind: 'memory',
      persistent: false,
      label: 'Passphrases are kept in memory only until Borgdesk stops.',
      words: { code: 'memory', why: 'none' },
    });
    const why = {
      text: 'no keyring found on the session bus',
      words: { code: 'memory', why: 'no-keyring' },
    } as const;
    expect(createMemorySecretStore(why).describe()).toMatchObject({
      label: 'Passphrases are kept in memory only until Borgdesk stops: no keyring found on the session bus.',
      words: { code: 'memory', why: 'no-keyring' },
    });
  });
});
