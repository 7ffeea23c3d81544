/** The SSH key part of adding a repository on a server: chosen before borg first connects. */
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../lib/use-request.js';
import { SshKeyPicker } from './SshKeyPicker.js';
import styles from './ssh-keys.module.css';

/** Props of {@link SshKeyFieldset}. */
export interface SshKeyFieldsetProps {
  /** The ssh:// (or user@host:path) location being typed. */
  readonly location: string;
  readonly value: string | undefined;
  readonly onChange: (keyFile: string | undefined) => void;
  readonly disabled?: boolean;
}

/** A fieldset titled "SSH key" around the chooser and the server instructions. */
export function SshKeyFieldset({ location, value, onChange, disabled }: SshKeyFieldsetProps) {
  // The line follows the typed path once typing pauses, not at every key.
  const settled = useDebounced(location, 300);
  const { t } = useTranslation('sshKeys');
  return (
    <fieldset className={styles.fieldset}>
      <legend className="field-label">{t('cardTitle')}</legend>
      <SshKeyPicker target={{ location: settled }} value={value} onChange={onChange} disabled={disabled} />
    </fieldset>
  );
}
