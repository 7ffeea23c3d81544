/**
 * Where remembered passphrases are kept, worded from the statement's data (`words`, `problemWords`);
 * a statement without them (an older core) falls back to the English the core sent.
 */
import i18next from 'i18next';
import type { SecretStorage } from '../../../src-main/model/secret-storage.js';

/** The statement's sentence in the UI's language. */
export function secretStorageLabel(storage: SecretStorage): string {
  const words = storage.words;
  if (words === undefined) return storage.label;
  const t = i18next.getFixedT(null, 'core', 'secretStorage');
  switch (words.code) {
    case 'stored':
      return words.place === 'secret-service'
        ? t('secretService')
        : t('encryptedWith', { place: t(`place.${words.place}`) });
    case 'weak':
      return t('weak', { backend: words.backend });
    case 'memory':
      return words.why === 'none'
        ? t('memory')
        : t('memoryBecause', { reason: t(`memoryReason.${words.why}`, { detail: words.detail ?? '' }) });
  }
}

/** What is wrong with the store right now, in the UI's language; undefined when nothing is. */
export function secretStorageProblem(storage: SecretStorage): string | undefined {
  const words = storage.problemWords;
  if (words === undefined) return storage.problem;
  const t = i18next.getFixedT(null, 'core', 'secretStorage');
  return words.code === 'no-keychain' ? t('noKeychain') : t('keyringUnusable', { detail: words.detail });
}
