/** Every borg context of a stored repository carries its SSH key, and never a stored yes to borg's questions. */
import { describe, expect, it } from 'vitest';
import { SerialLanes } from '../jobs/serial-lanes.js';
import { createMemorySecretStore } from '../secrets/memory-secret-store.js';
import { PassphraseKeeper } from '../secrets/passphrase-keeper.js';
import { repositoryContextFields } from './repository-context.js';
import type { RepositoryRegistry, StoredRepository } from './repository-registry.js';
import { RepositoryService } from './repository-service.js';

const stored: StoredRepository = {
  id: 'r1',
  name: 'NAS',
  location: 'ssh://backup@nas/srv/borg',
  needsPassphrase: false,
  consentedPrompts: ['BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK'],
  sshKey: '/home/me/.config/borgdesk/ssh/borgdesk_ed25519',
};

describe('repositoryContextFields', () => {
  it('names the key file only when the repository has one, and passes no consent from an old file', () => {
    expect(repositoryContextFields(stored)).toEqual({ sshIdentityFile: stored.sshKey });
    expect(repositoryContextFields({ ...stored, sshKey: undefined })).toEqual({});
  });

  it('reaches the context RepositoryService builds for every borg run of the repository', async () => {
    const registry = { get: () => stored, list: () => [stored] } as unknown as RepositoryRegistry;
    const repos = new RepositoryService({
      registry,
      secrets: new PassphraseKeeper(createMemorySecretStore()),
      lanes: new SerialLanes(),
      homeDir: '/home/me',
      borgPath: async () => '/usr/bin/borg',
      shutdown: new AbortController().signal,
      onChanged: () => undefined,
    });
    const ctx = await repos.contextFor(stored);
    expect(ctx).toMatchObject({ borgPath: '/usr/bin/borg', sshIdentityFile: stored.sshKey });
    expect(ctx.consentedPrompts).toBeUndefined();
    expect(repos.summarize(stored).sshKey).toBe(stored.sshKey);
  });
});
