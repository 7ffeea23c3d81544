/**
 * The "Migrate to borg 2…" form: its defaults and when the action is offered. A borg 1.x repository
 * is recognised by what borg 2 said when it tried to open it (settings-major's
 * RepositoryFromOtherBorg, or RepositoryVersionUnsupported) or by a borg 1.x-only encryption name
 * recorded when it was added (borg 2 names its modes after the cipher: repokey-aes-ocb, …).
 */
import type { RepositorySummary } from '../../../src-main/model/repository.js';

const BORG1_ONLY_MODES = new Set(['repokey', 'repokey-blake2', 'keyfile', 'keyfile-blake2']);
const OTHER_BORG_CODES = new Set(['RepositoryFromOtherBorg', 'RepositoryVersionUnsupported']);

/** Whether to offer migration: the borg in use can, and the repository looks like a borg 1.x one. */
export function offersMigration(
  repo: Pick<RepositorySummary, 'encryption'>,
  borgCanMigrate: boolean,
  detailsErrorCode: string | undefined,
): boolean {
  if (!borgCanMigrate) return false;
  return OTHER_BORG_CODES.has(detailsErrorCode ?? '') || BORG1_ONLY_MODES.has(repo.encryption ?? '');
}

/** Where the new repository goes by default: beside the old one, never in its place. */
export function defaultMigrationTarget(location: string): string {
  return `${location.replace(/\/+$/, '')}-borg2`;
}

export { migrationModes } from '../../../src-main/model/migration.js';
