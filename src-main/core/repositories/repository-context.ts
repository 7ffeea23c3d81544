/**
 * The BorgContext fields that come from a stored repository's own settings: the prompts the user
 * agreed to and the SSH key ssh logs in with. Every context built for a stored repository takes
 * them from here, so a new per-repository setting reaches every borg run at once.
 */
import type { BorgContext } from '../../borg/exec.js';
import type { StoredRepository } from './repository-registry.js';

/** The per-repository part of a BorgContext. */
export type RepositoryContextFields = Pick<BorgContext, 'consentedPrompts' | 'sshIdentityFile'>;

/** The context fields of `repo` (or of a repository about to be registered with these settings). */
export function repositoryContextFields(
  repo: Pick<StoredRepository, 'consentedPrompts' | 'sshKey'>,
): RepositoryContextFields {
  return {
    consentedPrompts: repo.consentedPrompts,
    ...sshIdentityOf(repo.sshKey),
  };
}

/** The context field for the SSH key `sshKey` (none: ssh's own defaults). */
export function sshIdentityOf(sshKey: string | undefined): Pick<BorgContext, 'sshIdentityFile'> {
  return sshKey === undefined ? {} : { sshIdentityFile: sshKey };
}
