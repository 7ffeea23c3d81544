import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from './memory-secret-store.js';

describe('createMemorySecretStore', () => {
  it('holds, replaces and forgets passphrases per repository', () => {
    const store = createMemorySecretStore();
    expect(store.get('a')).toBeUndefined();
    store.set('a', 'one');
    store.set('b', 'two');
    store.set('a', 'three');
    expect(store.get('a')).toBe('three');
    store.delete('a');
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toBe('two');
  });

  it('keeps stores independent', () => {
    const first = createMemorySecretStore();
    first.set('a', 'x');
    expect(createMemorySecretStore().get('a')).toBeUndefined();
  });
});
