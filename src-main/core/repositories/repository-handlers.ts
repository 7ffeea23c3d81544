/** The request handlers of the repositories domain (see ipc/contract/repositories.ts). */
import type { HandlersFor } from '../../ipc/contract.js';
import type { repositoryRequests } from '../../ipc/contract/repositories.js';
import type { RepositoryEdits } from './repository-edits.js';
import type { RepositoryService } from './repository-service.js';

/** Checks that borg's ssh can log in with a key unattended; resolves to the key file to store. */
export type SshKeyCheck = (keyFile: string) => Promise<string>;

/** One handler per repository request. */
export function repositoryHandlers(
  repos: RepositoryService,
  edits: RepositoryEdits,
  usableSshKey: SshKeyCheck,
): HandlersFor<typeof repositoryRequests> {
  // A key that cannot be used is refused before borg runs, with what to do about it.
  const withKey = async <P extends { sshKey?: string | undefined }>(params: P): Promise<P> =>
    params.sshKey === undefined ? params : { ...params, sshKey: await usableSshKey(params.sshKey) };
  // The create/add attempts still running, so the dialog's Cancel can stop their borg.
  const attempts = new Map<string, AbortController>();
  const attempt = async <T>(
    id: string | undefined,
    run: (signal?: AbortSignal) => Promise<T>,
  ): Promise<T> => {
    if (id === undefined) return run();
    const controller = new AbortController();
    attempts.get(id)?.abort();
    attempts.set(id, controller);
    try {
      return await run(controller.signal);
    } finally {
      if (attempts.get(id) === controller) attempts.delete(id);
    }
  };
  return {
    'repos:list': async () => repos.list(),
    'repos:create': async ({ attemptId, ...params }) => {
      const checked = await withKey(params);
      return attempt(attemptId, (signal) => repos.create({ ...checked, signal }));
    },
    'repos:add-existing': async ({ attemptId, ...params }) => {
      const checked = await withKey(params);
      return attempt(attemptId, (signal) => repos.addExisting({ ...checked, signal }));
    },
    'repos:cancel-attempt': async ({ attemptId }) => {
      attempts.get(attemptId)?.abort();
      return {};
    },
    'repos:unlock': (params) => repos.unlock(params),
    'repos:forget-passphrase': (params) => repos.forgetPassphrase(params),
    'repos:remove': (params) => repos.remove(params),
    'repos:details': (params) => repos.details(params),
    'repos:set-passcommand': (params) => repos.setPasscommand(params),
    'repos:test-passcommand': async (params) => repos.testPasscommand(await withKey(params)),
    'repos:edit': (params) => edits.edit(params),
  };
}
