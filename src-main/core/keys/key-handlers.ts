/** The request handlers of the keys domain (see ipc/contract/keys.ts). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { keyRequests } from '../../ipc/contract/keys.js';
import type { KeyService } from './key-service.js';

/** One handler per key request. */
export function keyHandlers(keys: KeyService): HandlersFor<typeof keyRequests> {
  return {
    'keys:change-passphrase': (params) => keys.changePassphrase(params),
    'keys:export': (params) => keys.exportKey(params),
    'keys:import': (params) => keys.importKey(params),
    'keys:recovery-kit': (params) => keys.recoveryKit(params),
    'keys:self-test': (params) => keys.selfTest(params),
    'keys:folder': async () => keys.keysFolder(),
  };
}
