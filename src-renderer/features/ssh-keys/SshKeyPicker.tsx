/**
 * Which SSH key borg's ssh logs in with: ssh's own defaults, Borgdesk's key (generated here once)
 * or a key pair from ~/.ssh. A key that needs a passphrase is listed but cannot be chosen: scheduled
 * backups run with no one to type it. The chosen key's public half and its restricted
 * authorized_keys line follow, with what to do on the server.
 */
import { useTranslation } from 'react-i18next';
import type { SshKey } from '../../../src-main/model/ssh-keys.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Field } from '../../components/Field.js';
import { useAction, useRequest } from '../../lib/use-request.js';
import { useAppStore } from '../../stores/app-store.js';
import { AuthorizedKeyInstructions, type KeyTarget } from './AuthorizedKeyInstructions.js';
import { keyLabel } from './key-labels.js';
import styles from './ssh-keys.module.css';

/** Props of {@link SshKeyPicker}. */
export interface SshKeyPickerProps {
  /** The repository the key is for: stored (repoId) or being added (location). */
  readonly target: KeyTarget;
  /** The chosen private key file; undefined: ssh's own defaults. */
  readonly value: string | undefined;
  readonly onChange: (keyFile: string | undefined) => void;
  readonly disabled?: boolean;
}

const DEFAULTS = '';

/** The chooser, the Generate button and the chosen key's instructions. */
export function SshKeyPicker({ target, value, onChange, disabled }: SshKeyPickerProps) {
  const { t } = useTranslation('sshKeys');
  const homeDir = useAppStore((s) => s.status?.homeDir);
  const list = useRequest('ssh-keys:list', {}, { fallback: t('listFailed') });
  const generator = useAction('ssh-keys:generate', {
    fallback: t('generateFailed'),
    onSuccess: (key: SshKey) => {
      list.reload();
      onChange(key.file);
    },
  });
  const keys = list.data?.keys ?? [];
  const hasOwn = keys.some((k) => k.origin === 'borgdesk') || generator.data !== undefined;
  // Until the list is read again, a key just generated is known from its own reply.
  const chosen =
    keys.find((k) => k.file === value) ?? (generator.data?.file === value ? generator.data : undefined);
  const error = generator.error ?? list.error;
  // The chosen key is an option even before the list is read again (else the select shows the defaults).
  const options = chosen !== undefined && !keys.includes(chosen) ? [...keys, chosen] : keys;

  return (
    <div className={styles.picker}>
      {error ? <ErrorMessage error={error} /> : null}
      <div className={styles.pickerRow}>
        <Field label={t('logInWith')} hint={t('logInWithHint')}>
          <select
            value={value ?? DEFAULTS}
            onChange={(e) => onChange(e.target.value === DEFAULTS ? undefined : e.target.value)}
            disabled={disabled || list.data === undefined}
          >
            <option value={DEFAULTS}>{t('defaultsOption')}</option>
            {value !== undefined && chosen === undefined && list.data !== undefined ? (
              <option value={value}>{t('notFound', { file: value })}</option>
            ) : null}
            {options.map((key) => (
              <option key={key.file} value={key.file} disabled={key.usable !== 'ok' && key.file !== value}>
                {keyLabel(key, homeDir)}
              </option>
            ))}
          </select>
        </Field>
        {hasOwn || list.data === undefined ? null : (
          <Button icon="plus" onClick={() => generator.run({})} busy={generator.pending} disabled={disabled}>
            {t('generate')}
          </Button>
        )}
      </div>
      {chosen?.problem ? (
        <ErrorMessage error={{ message: chosen.problem.message, remedy: chosen.problem.remedy }} />
      ) : null}
      {value === undefined ? (
        <p className={`muted ${styles.problem}`}>{t('usualKeys')}</p>
      ) : chosen !== undefined ? (
        <AuthorizedKeyInstructions keyFile={chosen.file} target={target} />
      ) : null}
    </div>
  );
}
