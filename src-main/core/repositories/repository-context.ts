/**
 * The BorgContext fields that come from a stored repository's own settings: for now the SSH key ssh
 * logs in with. Every context built for a stored repository takes them from here, so a new
 * per-repository setting reaches every borg run at once. (Borg's questions are never answered from
 * stored settings: the user answers each one for one run, see core/questions.)
 */
import type { BorgContext } from '../../borg/exec.js';
import type { StoredRepository } from './repository-registry.js';

/** The per-repository part of a BorgContext. */
export type RepositoryContextFields = Pick<BorgContext, 'sshIdentityFile'>;

/** The context fields of `repo` (or of a repository about to be registered with these settings). */
export function repositoryContextFields(repo: Pick<StoredRepository, 'sshKey'>): RepositoryContextFields {
  return sshIdentityOf(repo.sshKey);
}

/** The context field for the SSH key `sshKey` (none: ssh's own defaults). */
export function sshIdentityOf(sshKey: string | undefined): Pick<BorgContext, 'sshIdentityFile'> {
  return sshKey === undefined ? {} : { sshIdentityFile: sshKey };
}
