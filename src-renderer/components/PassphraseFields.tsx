/**
 * Passphrase and confirmation fields with a strength hint and a mismatch message. The value stays
 * in React state only until it is handed to the core; it is never logged or stored here.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { componentsT } from '../lib/choices.js';
import { Field } from './Field.js';
import { StrengthMeter } from './StrengthMeter.js';
import { MIN_PASSPHRASE_LENGTH } from '../lib/passphrase-strength.js';
import styles from './PassphraseFields.module.css';

/** Props of {@link PassphraseFields}. */
export interface PassphraseFieldsProps {
  readonly passphrase: string;
  readonly confirm: string;
  readonly onPassphrase: (value: string) => void;
  readonly onConfirm: (value: string) => void;
  /** Show field errors (after a submit attempt). */
  readonly showErrors: boolean;
  /** Focus the first field on mount (the welcome screen, where typing is the only step). */
  readonly autoFocus?: boolean;
}

/** Why a passphrase pair cannot be used yet (in the current language), or undefined when it can. */
export function passphraseProblem(passphrase: string, confirm: string): string | undefined {
  const t = componentsT();
  if (passphrase.length === 0) return t('passphrase.choose');
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
    return t('passphrase.tooShort', { min: MIN_PASSPHRASE_LENGTH });
  if (passphrase !== confirm) return t('passphrase.mismatch');
  return undefined;
}

/** Two password inputs ("Passphrase", "Confirm passphrase") with strength and match feedback. */
export function PassphraseFields(props: PassphraseFieldsProps) {
  const { passphrase, confirm, onPassphrase, onConfirm, showErrors, autoFocus } = props;
  const { t } = useTranslation('components');
  const [visible, setVisible] = useState(false);
  const tooShort = passphrase.length === 0 || [...passphrase].length < MIN_PASSPHRASE_LENGTH;
  const mismatch = confirm.length > 0 && confirm !== passphrase;
  return (
    <div className={styles.passphraseFields}>
      <Field
        label={t('passphrase.label')}
        error={showErrors && tooShort ? passphraseProblem(passphrase, confirm) : undefined}
        addon={
          <button
            type="button"
            className={`button button-ghost button-small ${styles.reveal}`}
            aria-pressed={visible}
            onClick={() => setVisible((v) => !v)}
          >
            {visible ? t('passphrase.hide') : t('passphrase.show')}
          </button>
        }
      >
        <input
          type={visible ? 'text' : 'password'}
          value={passphrase}
          autoFocus={autoFocus}
          autoComplete="new-password"
          spellCheck={false}
          onChange={(e) => onPassphrase(e.target.value)}
        />
      </Field>
      <Field
        label={t('passphrase.confirmLabel')}
        error={
          mismatch || (showErrors && !tooShort && confirm !== passphrase)
            ? t('passphrase.mismatch')
            : undefined
        }
      >
        <input
          type={visible ? 'text' : 'password'}
          value={confirm}
          autoComplete="new-password"
          spellCheck={false}
          onChange={(e) => onConfirm(e.target.value)}
        />
      </Field>
      <StrengthMeter passphrase={passphrase} />
    </div>
  );
}
