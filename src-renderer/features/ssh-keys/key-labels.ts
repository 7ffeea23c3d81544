/** How a key is named in the chooser: whose it is, its type and fingerprint, and why it cannot be used. */
import type { SshKey } from '../../../src-main/model/ssh-keys.js';
import { tildify } from '../../lib/paths.js';

/** "Borgdesk’s key" or the file (with ~), then type and the fingerprint's start. */
export function keyLabel(key: SshKey, homeDir: string | undefined): string {
  const whose = key.origin === 'borgdesk' ? 'Borgdesk’s key' : tildify(key.file, homeDir);
  const print = key.fingerprint.replace(/^SHA256:/, '').slice(0, 12);
  const why = USABILITY_NOTE[key.usable];
  return `${whose} (${key.type}, ${print}…)${why === '' ? '' : ` — ${why}`}`;
}

const USABILITY_NOTE: Readonly<Record<SshKey['usable'], string>> = {
  ok: '',
  passphrase: 'needs a passphrase',
  permissions: 'readable by others',
  unreadable: 'cannot be read',
};
