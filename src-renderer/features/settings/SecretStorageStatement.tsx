/** Settings' one statement of where remembered passphrases are kept, and what is wrong with it if anything. */
import type { SecretStorage } from '../../../src-main/model/secret-storage.js';

/** Props of {@link SecretStorageStatement}. */
export interface SecretStorageStatementProps {
  /** From app:status; absent while the status loads. */
  readonly storage: SecretStorage | undefined;
}

/** "Passphrases: …" with the store's own sentence and its problem. */
export function SecretStorageStatement({ storage }: SecretStorageStatementProps) {
  if (storage === undefined) return null;
  return (
    <div className="field" role="group" aria-label="Passphrases">
      <span className="field-label">Passphrases</span>
      <p className="field-hint">{storage.label}</p>
      {storage.problem !== undefined ? (
        <p className="callout callout-compact" role="note">
          {storage.problem}
        </p>
      ) : null}
    </div>
  );
}
