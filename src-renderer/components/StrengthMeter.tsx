/**
 * A passphrase strength bar with a one-line hint, driven by lib/passphrase-strength.
 */
import { useTranslation } from 'react-i18next';
import { estimatePassphraseStrength } from '../lib/passphrase-strength.js';
import styles from './StrengthMeter.module.css';

/** Props of {@link StrengthMeter}. */
export interface StrengthMeterProps {
  readonly passphrase: string;
}

/** Shows how strong a passphrase looks; nothing while the field is empty. */
export function StrengthMeter({ passphrase }: StrengthMeterProps) {
  // Subscribes to language changes; the estimate reads the same catalog.
  useTranslation('components');
  if (passphrase.length === 0) return null;
  const strength = estimatePassphraseStrength(passphrase);
  return (
    <div className={`strength ${styles[`strength-${strength.score}`]}`} aria-live="polite">
      <div className={styles.strengthBar} aria-hidden="true">
        {[1, 2, 3, 4].map((step) => (
          <span key={step} className={step <= strength.score ? styles.on : undefined} />
        ))}
      </div>
      <p className={styles.strengthText}>
        <strong>{strength.label}.</strong> {strength.hint}
      </p>
    </div>
  );
}
