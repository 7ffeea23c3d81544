/**
 * Is an unknown repository encrypted? Borg's documented method ("JSON output / frontends"): run
 * `borg list` with a passphrase that cannot be right; PassphraseWrong means encrypted, success means
 * not. Borg asks about an unknown *unencrypted* repository before listing it, and that question only
 * comes up for unencrypted repositories, so its refusal also answers "unencrypted".
 */
import { randomUUID } from 'node:crypto';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, repositoryTail } from '../command-shape.js';
import { isBorgError } from '../errors.js';
import { runBorg, STOP_AT_ONCE_MS, type BorgContext } from '../exec.js';

const UNENCRYPTED_PROMPT = 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK';

/** `list --json --last=1 -- LOCATION`: the smallest listing that still needs the key. */
export function buildDetectEncryptionArgs(
  o: { location: string },
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  return [caps.repositoryCommands.list, '--json', '--last=1', ...repositoryTail(caps, o.location)];
}

/** Borg's documented method: gibberish passphrase + `borg list`; PassphraseWrong => encrypted. */
export async function detectEncryption(
  o: { location: string },
  ctx: BorgContext,
): Promise<'encrypted' | 'unencrypted'> {
  // A fresh UUID cannot be anyone's passphrase; the user's passcommand must not run for a probe.
  const { passcommand: _unused, ...rest } = ctx;
  try {
    await runBorg(
      buildDetectEncryptionArgs(o, capabilitiesOf(ctx)),
      { ...rest, passphrase: randomUUID() },
      { okExitCodes: [0, 1], killGraceMs: STOP_AT_ONCE_MS },
    );
    return 'unencrypted';
  } catch (e) {
    if (isBorgError(e) && e.code === 'PassphraseWrong') return 'encrypted';
    if (isBorgError(e) && e.code === 'PromptRefused' && e.prompt === UNENCRYPTED_PROMPT) return 'unencrypted';
    throw e;
  }
}
