/**
 * `borg key import`: stores a key exported earlier — into this computer's keys folder for keyfile
 * modes, into the repository's config for repokey modes. A key file's text goes on stdin (path "-");
 * a paper key is borg's line-by-line dialog (`--paper`), which is checked here first (paper-key.ts)
 * so a typo gets a message naming its line, then fed to borg on stdin. Borg answers a paper dialog
 * that ran out of lines with " - aborted" and exit code 0; that is a failure here.
 */
import type { KeyImportSource } from '../../model/keys.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, repositoryTail } from '../command-shape.js';
import { BorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';
import { paperKeyDialog, parsePaperKey } from '../paper-key.js';

export type { KeyImportSource } from '../../model/keys.js';

/** What to import. */
export interface KeyImportOptions {
  location: string;
  source: KeyImportSource;
}

/** `key import -- LOCATION -` for a key file (read from stdin), `key import --paper -- LOCATION`. */
export function buildKeyImportArgs(
  o: KeyImportOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  if (o.source.kind === 'paper') return ['key', 'import', '--paper', ...repositoryTail(caps, o.location)];
  // Borg 2 takes the repository as --repo, so the key file path "-" is the only positional.
  return caps.repositoryArgument === 'option'
    ? ['key', 'import', ...repositoryTail(caps, o.location), '--', '-']
    : ['key', 'import', '--', o.location, '-'];
}

/** Imports the key; rejects with KeyInvalid (another repository's key, not a key, a bad paper line). */
export async function runKeyImport(o: KeyImportOptions, ctx: BorgContext): Promise<void> {
  const stdin = o.source.kind === 'paper' ? paperKeyDialog(parsePaperKey(o.source.text)) : o.source.text;
  const { passphrase: _fd, passcommand: _cmd, ...rest } = ctx;
  const run = await runBorg(buildKeyImportArgs(o, capabilitiesOf(ctx)), rest, { stdin });
  if (o.source.kind === 'paper' && /- aborted|did not match/.test(run.stdout)) {
    throw new BorgError({
      code: 'KeyInvalid',
      message: 'Borg did not accept the paper key, so nothing was imported.',
      remedy: 'Compare every line with the printed key and type it again.',
      reason: 'borgDidAcceptPaper',
    });
  }
}
