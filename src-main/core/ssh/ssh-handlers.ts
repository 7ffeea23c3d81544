/** The request handlers of the ssh domain (see ipc/contract/ssh.ts). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { sshRequests } from '../../ipc/contract/ssh.js';
import type { KnownHosts } from './known-hosts.js';

/** One handler per ssh request. */
export function sshHandlers(knownHosts: KnownHosts): HandlersFor<typeof sshRequests> {
  return {
    'ssh:scan-host': (target) => knownHosts.scan(target),
    'ssh:accept-host': (params) => knownHosts.accept(params),
  };
}
