/**
 * "Remember the passphrase on this computer", with the one statement of where Borgdesk keeps it (or
 * why it cannot), as the core reports it in app:status. Ticked by default only where a real
 * keychain lasts across restarts; where the store needs an explicit choice (Linux without a
 * keychain) it starts unticked and says why; where nothing lasts it is unavailable.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberByDefault, type SecretStorage } from '../../src-main/model/secret-storage.js';
import { secretStorageLabel, secretStorageProblem } from '../lib/core-words/secret-storage.js';
import { useAppStore } from '../stores/app-store.js';

/** The "remember" choice, starting at the store's default (read once, when the form opens). */
export function useRememberChoice(): readonly [boolean, (value: boolean) => void] {
  const storage = useAppStore((s) => s.status?.secretStorage);
  return useState(() => rememberByDefault(storage));
}

/** Props of {@link RememberPassphraseField}. */
export interface RememberPassphraseFieldProps {
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}

/** The checkbox with the statement from app:status. */
export function RememberPassphraseField(props: RememberPassphraseFieldProps) {
  const storage = useAppStore((s) => s.status?.secretStorage);
  return <RememberPassphraseChoice {...props} storage={storage} />;
}

/** The checkbox and its statement for `storage` (absent while the status loads). */
export function RememberPassphraseChoice({
  checked,
  onChange,
  storage,
}: RememberPassphraseFieldProps & { readonly storage: SecretStorage | undefined }) {
  const { t } = useTranslation('components');
  const hintId = useId();
  const lasting = storage?.persistent === true;
  const problem = storage ? secretStorageProblem(storage) : undefined;
  return (
    <div className="field">
      <label className="field-row">
        <input
          type="checkbox"
          checked={lasting && checked}
          disabled={!lasting}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{t('remember.label')}</span>
      </label>
      <p className="field-hint" id={hintId}>
        {storage ? secretStorageLabel(storage) : t('remember.memoryOnly')}{' '}
        {lasting && checked ? t('remember.lasting') : t('remember.notLasting')}
      </p>
      {problem !== undefined ? (
        <p className="callout callout-compact" role="note">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
