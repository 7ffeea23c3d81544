/** Settings' one statement of where remembered passphrases are kept, and what is wrong with it if anything. */
import { useTranslation } from 'react-i18next';
import type { SecretStorage } from '../../../src-main/model/secret-storage.js';
import { secretStorageLabel, secretStorageProblem } from '../../lib/core-words/secret-storage.js';

/** Props of {@link SecretStorageStatement}. */
export interface SecretStorageStatementProps {
  /** From app:status; absent while the status loads. */
  readonly storage: SecretStorage | undefined;
}

/** "Passphrases: …" with the store's own sentence and its problem. */
export function SecretStorageStatement({ storage }: SecretStorageStatementProps) {
  const { t } = useTranslation('settings');
  if (storage === undefined) return null;
  const problem = secretStorageProblem(storage);
  return (
    <div className="field" role="group" aria-label={t('secretStorage.label')}>
      <span className="field-label">{t('secretStorage.label')}</span>
      <p className="field-hint">{secretStorageLabel(storage)}</p>
      {problem !== undefined ? (
        <p className="callout callout-compact" role="note">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
