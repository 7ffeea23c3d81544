/** The request handlers of the repositories domain (see ipc/contract/repositories.ts). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { repositoryRequests } from '../../ipc/contract/repositories.js';
import type { RepositoryService } from './repository-service.js';

/** One handler per repository request. */
export function repositoryHandlers(repos: RepositoryService): HandlersFor<typeof repositoryRequests> {
  return {
    'repos:list': async () => repos.list(),
    'repos:create': (params) => repos.create(params),
    'repos:add-existing': (params) => repos.addExisting(params),
    'repos:unlock': (params) => repos.unlock(params),
    'repos:remove': (params) => repos.remove(params),
    'repos:details': (params) => repos.details(params),
    'repos:set-passcommand': (params) => repos.setPasscommand(params),
    'repos:test-passcommand': (params) => repos.testPasscommand(params),
  };
}
