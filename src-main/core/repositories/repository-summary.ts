/** A stored repository as the UI lists it: its record plus whether its passphrase is at hand. */
import type { RepositorySummary } from '../../model/repository.js';
import type { PassphraseKeeper } from '../secrets/passphrase-keeper.js';
import type { StoredRepository } from './repository-registry.js';

/** The UI shape of `repo`; `unlocked` reflects the secret store right now. */
export function summarizeRepository(
  repo: StoredRepository,
  secrets: Pick<PassphraseKeeper, 'peek' | 'isStored'>,
): RepositorySummary {
  const summary: RepositorySummary = {
    id: repo.id,
    name: repo.name,
    location: repo.location,
    needsPassphrase: repo.needsPassphrase,
    unlocked: !repo.needsPassphrase || repo.passcommand !== undefined || secrets.peek(repo.id) !== undefined,
  };
  if (repo.passcommand !== undefined) summary.passcommand = repo.passcommand;
  if (repo.needsPassphrase) summary.passphraseStored = secrets.isStored(repo.id);
  if (repo.encryption !== undefined) summary.encryption = repo.encryption;
  if (repo.lastBackupAt !== undefined) summary.lastBackupAt = repo.lastBackupAt;
  if (repo.keyExportedAt !== undefined) summary.keyExportedAt = repo.keyExportedAt;
  if (repo.sshKey !== undefined) summary.sshKey = repo.sshKey;
  return summary;
}
