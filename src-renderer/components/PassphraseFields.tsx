/**
 * Passphrase and confirmation fields with a strength hint and a mismatch message. The value stays
 * in React state only until it is handed to the core; it is never logged or stored here.
 */
import { useState } from 'react';
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

/** Why a passphrase pair cannot be used yet, or undefined when it can. */
export function passphraseProblem(passphrase: string, confirm: string): string | undefined {
  if (passphrase.length === 0) return 'Choose a passphrase.';
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
    return `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  if (passphrase !== confirm) return 'The two passphrases do not match.';
  return undefined;
}

/** Two password inputs ("Passphrase", "Confirm passphrase") with strength and match feedback. */
export function PassphraseFields(props: PassphraseFieldsProps) {
  const { passphrase, confirm, onPassphrase, onConfirm, showErrors, autoFocus } = props;
  const [visible, setVisible] = useState(false);
  const tooShort = passphrase.length === 0 || [...passphrase].length < MIN_PASSPHRASE_LENGTH;
  const mismatch = confirm.length > 0 && confirm !== passphrase;
  return (
    <div className={styles.passphraseFields}>
      <Field
        label="Passphrase"
        error={showErrors && tooShort ? passphraseProblem(passphrase, confirm) : undefined}
        addon={
          <button
            type="button"
            className={`button button-ghost button-small ${styles.reveal}`}
            aria-pressed={visible}
            onClick={() => setVisible((v) => !v)}
          >
            {visible ? 'Hide' : 'Show'}
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
        label="Confirm passphrase"
        error={
          mismatch || (showErrors && !tooShort && confirm !== passphrase)
            ? 'The two passphrases do not match.'
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
