/** The request handlers of the repositories domain (see ipc/contract/repositories.ts). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { repositoryRequests } from '../../ipc/contract/repositories.js';
import type { RepositoryEdits } from './repository-edits.js';
import type { RepositoryService } from './repository-service.js';

/** One handler per repository request. */
export function repositoryHandlers(
  repos: RepositoryService,
  edits: RepositoryEdits,
): HandlersFor<typeof repositoryRequests> {
  return {
    'repos:list': async () => repos.list(),
    'repos:create': (params) => repos.create(params),
    'repos:add-existing': (params) => repos.addExisting(params),
    'repos:unlock': (params) => repos.unlock(params),
    'repos:forget-passphrase': (params) => repos.forgetPassphrase(params),
    'repos:remove': (params) => repos.remove(params),
    'repos:details': (params) => repos.details(params),
    'repos:set-passcommand': (params) => repos.setPasscommand(params),
    'repos:test-passcommand': (params) => repos.testPasscommand(params),
    'repos:edit': (params) => edits.edit(params),
  };
}
