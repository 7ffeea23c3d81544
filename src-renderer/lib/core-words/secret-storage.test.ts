import { afterEach, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { SecretStorage } from '../../../src-main/model/secret-storage.js';
import { secretStorageLabel, secretStorageProblem } from './secret-storage.js';

const memory = (words: SecretStorage['words']): SecretStorage => ({
  kind: 'memory',
  persistent: false,
  label: 'the core’s English',
  ...(words ? { words } : {}),
});

describe('secret storage words', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('words the statement as the core did, in English', () => {
    expect(secretStorageLabel(memory({ code: 'memory', why: 'no-keyring' }))).toBe(
      'Passphrases are kept in memory only until Borgdesk stops: no keyring found on the session bus.',
    );
    expect(
      secretStorageLabel({ ...memory(undefined), words: { code: 'stored', place: 'macos-keychain' } }),
    ).toBe(
      "Passphrases you choose to remember are encrypted with a key kept in the macOS Keychain, and stored in Borgdesk's config folder.",
    );
    expect(
      secretStorageProblem({
        ...memory(undefined),
        problemWords: { code: 'keyring-unusable', detail: 'locked' },
      }),
    ).toBe('The keyring cannot be used: locked.');
  });

  it('speaks German, and falls back to the core’s text without words', async () => {
    await i18next.changeLanguage('de');
    expect(secretStorageLabel(memory({ code: 'memory', why: 'none' }))).toBe(
      'Passphrasen bleiben nur im Arbeitsspeicher, bis Borgdesk beendet wird.',
    );
    expect(secretStorageLabel(memory(undefined))).toBe('the core’s English');
  });
});
