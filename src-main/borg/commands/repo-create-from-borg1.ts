/**
 * `borg repo-create --other-repo OLD --from-borg1` (borg 2): a new, empty borg 2 repository that
 * shares the borg 1.x repository's chunker secret and id key, so `transfer` can copy its archives
 * and deduplication keeps working. The old repository is only read. Its passphrase travels on fd 4
 * (BORG_OTHER_PASSPHRASE_FD, borg 2's helpers/passphrase.py) or as BORG_OTHER_PASSCOMMAND; the new
 * one on fd 3 (Passphrase.new() falls back to BORG_PASSPHRASE_FD without BORG_NEW_PASSPHRASE).
 */
import type { BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, repositoryTail } from '../command-shape.js';
import { BorgError } from '../errors.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';

/** The borg 2 repository to create beside the borg 1.x one. */
export interface RepoCreateFromBorg1Options {
  /** Where the new borg 2 repository goes (must not exist yet). */
  location: string;
  /** The borg 1.x repository whose key material the new one reuses. */
  otherLocation: string;
  /** A borg 2 `--encryption` mode, e.g. repokey-aes-ocb (capabilities.encryptionModes). */
  encryption: string;
}

/** The refusal for a borg that has no `--from-borg1` (every 1.x). */
export function migrationUnsupported(caps: BorgCapabilities): BorgError {
  return new BorgError({
    code: 'UnsupportedRepository',
    message: `borg ${caps.version} cannot copy a borg 1.x repository; that needs borg 2.`,
    remedy: 'Choose a borg 2 in Settings → Path to borg, then migrate again.',
    reason: 'borgCopyBorgX',
    params: { version: caps.version },
  });
}

/** `repo-create --encryption=MODE --other-repo=OLD --from-borg1 --repo=NEW`. */
export function buildRepoCreateFromBorg1Args(
  o: RepoCreateFromBorg1Options,
  caps: BorgCapabilities,
): string[] {
  if (!caps.hasTransferFromBorg1) throw migrationUnsupported(caps);
  return [
    caps.repositoryCommands.create,
    `--encryption=${o.encryption}`,
    `--other-repo=${o.otherLocation}`,
    '--from-borg1',
    ...repositoryTail(caps, o.location),
  ];
}

/**
 * Creates the new repository. ctx.passphrase is the NEW repository's passphrase (required unless
 * the mode is "none"), ctx.otherPassphrase / otherPasscommand the old one's.
 */
export async function runRepoCreateFromBorg1(o: RepoCreateFromBorg1Options, ctx: BorgContext): Promise<void> {
  if (o.encryption !== 'none' && (ctx.passphrase ?? '') === '' && !ctx.passcommand) {
    throw new BorgError({
      code: 'PassphraseRequired',
      message: 'The new encrypted repository needs a passphrase that is not empty.',
      remedy: 'Choose a passphrase (or keep the old one), or pick "none" as encryption.',
      reason: 'newEncryptedRepositoryNeeds',
    });
  }
  // Stopped at once: a cancelled repo-create has nothing to save (the job removes the half-made folder).
  await runBorg(buildRepoCreateFromBorg1Args(o, capabilitiesOf(ctx)), ctx, { killGraceMs: STOP_AT_ONCE_MS });
}
