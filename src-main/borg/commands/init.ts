/**
 * `borg init`: creates a repository. The new passphrase travels like every passphrase, on the fd 3
 * pipe: borg 1.2.4's Passphrase.new() falls back to BORG_PASSPHRASE_FD when BORG_NEW_PASSPHRASE is
 * unset (verified in commands.integration.test.ts), so BORG_NEW_PASSPHRASE is never needed.
 */
import type { AnyEncryptionMode } from '../../model/encryption.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, encryptionModeFor, repositoryTail } from '../command-shape.js';
import { BorgError } from '../errors.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';

/** What to create. */
export interface InitOptions {
  location: string;
  encryption: AnyEncryptionMode;
  /** Required for every mode but "none"; overrides ctx.passphrase. */
  newPassphrase?: string;
}

/**
 * `init --encryption=MODE -- LOCATION` (1.x; `--` keeps a location starting with "-" from being an
 * option), `repo-create --encryption=MODE --repo=LOCATION` (2.x, where the mode is required and
 * renamed after its cipher, see encryptionModeFor).
 */
export function buildInitArgs(o: InitOptions, caps: BorgCapabilities = BORG_1_2_CAPABILITIES): string[] {
  return [
    caps.repositoryCommands.create,
    `--encryption=${encryptionModeFor(caps, o.encryption)}`,
    ...repositoryTail(caps, o.location),
  ];
}

/** Creates the repository; rejects with a BorgError (e.g. RepositoryAlreadyExists). */
export async function runInit(o: InitOptions, ctx: BorgContext): Promise<void> {
  const passphrase = o.encryption === 'none' ? undefined : (o.newPassphrase ?? ctx.passphrase);
  // Borg 1.2.4 accepts an empty passphrase from the fd for repokey modes; never create such a repository.
  if (o.encryption !== 'none' && passphrase === '' && !ctx.passcommand) {
    throw new BorgError({
      code: 'PassphraseRequired',
      message: 'An encrypted repository needs a passphrase that is not empty.',
      remedy: 'Choose a passphrase, or pick "none" as encryption.',
      reason: 'encryptedRepositoryNeedsPassphrase',
    });
  }
  const { passphrase: _ignored, ...rest } = ctx;
  // Stopped at once: a cancelled init (often one stuck connecting) has nothing to save.
  await runBorg(
    buildInitArgs(o, capabilitiesOf(ctx)),
    passphrase === undefined ? rest : { ...rest, passphrase },
    {
      killGraceMs: STOP_AT_ONCE_MS,
    },
  );
}
