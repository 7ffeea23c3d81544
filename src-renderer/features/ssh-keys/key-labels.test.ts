import { describe, expect, it } from 'vitest';
import type { SshKey } from '../../../src-main/model/ssh-keys.js';
import { keyLabel } from './key-labels.js';

const key: SshKey = {
  file: '/home/ann/.ssh/id_ed25519',
  origin: 'ssh-folder',
  type: 'ED25519',
  bits: 256,
  fingerprint: 'SHA256:YuMfpoZ8n1v0H5PfE9ReK2WK/+L4OuBltZTIsxu4jfI',
  comment: 'ann@laptop',
  publicKey: 'ssh-ed25519 AAAA ann@laptop',
  usable: 'ok',
};

describe('keyLabel', () => {
  it('names the file from home, the type and the fingerprint’s start', () => {
    expect(keyLabel(key, '/home/ann')).toBe('~/.ssh/id_ed25519 (ED25519, YuMfpoZ8n1v0…)');
  });
  it('calls Borgdesk’s own key by its name and says why a key cannot be used', () => {
    expect(keyLabel({ ...key, origin: 'borgdesk', usable: 'passphrase' }, '/home/ann')).toBe(
      'Borgdesk’s key (ED25519, YuMfpoZ8n1v0…) — needs a passphrase',
    );
  });
});
