/** The request handlers of the keys domain (see ipc/contract/keys.ts). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { keyRequests } from '../../ipc/contract/keys.js';
import type { SshKeyCheck } from '../repositories/repository-handlers.js';
import type { KeyService } from './key-service.js';

/** One handler per key request; an SSH key sent with a location is checked before borg runs. */
export function keyHandlers(keys: KeyService, usableSshKey: SshKeyCheck): HandlersFor<typeof keyRequests> {
  return {
    'keys:change-passphrase': (params) => keys.changePassphrase(params),
    'keys:export': (params) => keys.exportKey(params),
    'keys:import': async ({ sshKey, ...params }) =>
      keys.importKey({ ...params, ...(sshKey === undefined ? {} : { sshKey: await usableSshKey(sshKey) }) }),
    'keys:recovery-kit': (params) => keys.recoveryKit(params),
    'keys:self-test': (params) => keys.selfTest(params),
    'keys:folder': async () => keys.keysFolder(),
  };
}
