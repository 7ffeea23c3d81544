/** The request handlers of the SSH keys domain (see ipc/contract/ssh-keys.ts). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { sshKeyRequests } from '../../ipc/contract/ssh-keys.js';
import type { SshKeyService } from './ssh-key-service.js';

/** One handler per SSH key request. */
export function sshKeyHandlers(keys: SshKeyService): HandlersFor<typeof sshKeyRequests> {
  return {
    'ssh-keys:list': () => keys.list(),
    'ssh-keys:generate': () => keys.generate(),
    'ssh-keys:authorized-line': (params) => keys.authorizedEntry(params),
    'ssh-keys:set-repository-key': (params) => keys.setRepositoryKey(params),
  };
}
