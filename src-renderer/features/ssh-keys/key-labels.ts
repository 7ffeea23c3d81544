/** How a key is named in the chooser: whose it is, its type and fingerprint, and why it cannot be used. */
import i18next from 'i18next';
import type { SshKey } from '../../../src-main/model/ssh-keys.js';
import { tildify } from '../../lib/paths.js';

/** "Borgdesk’s key" or the file (with ~), then type and the fingerprint's start. */
export function keyLabel(key: SshKey, homeDir: string | undefined): string {
  const whose =
    key.origin === 'borgdesk' ? i18next.t('borgdeskKey', { ns: 'sshKeys' }) : tildify(key.file, homeDir);
  const print = key.fingerprint.replace(/^SHA256:/, '').slice(0, 12);
  const values = { ns: 'sshKeys', whose, type: key.type, print } as const;
  if (key.usable === 'ok') return i18next.t('keyLabel', values);
  return i18next.t('keyLabelWhy', { ...values, why: i18next.t(`usable.${key.usable}`, { ns: 'sshKeys' }) });
}
