/**
 * `borg key export`: the repository key, encrypted by its passphrase, as borg's key file text, as
 * paper text (`--paper`) or as a printable HTML page with a QR code (`--qr-html`). Borg writes it to
 * stdout when no path is given. The export opens neither the key nor the manifest, so it needs no
 * passphrase; keyfile modes read the key from this computer's keys folder.
 */
import type { KeyExportFormat } from '../../model/keys.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { capabilitiesOf, repositoryTail } from '../command-shape.js';
import { runBorg, type BorgContext } from '../exec.js';

export type { KeyExportFormat } from '../../model/keys.js';

/** What to export. */
export interface KeyExportOptions {
  location: string;
  format: KeyExportFormat;
}

const FORMAT_FLAGS: Readonly<Record<KeyExportFormat, readonly string[]>> = {
  file: [],
  paper: ['--paper'],
  'qr-html': ['--qr-html'],
};

/** `key export [--paper|--qr-html] -- LOCATION` (no path: borg writes to stdout). */
export function buildKeyExportArgs(
  o: KeyExportOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  return ['key', 'export', ...FORMAT_FLAGS[o.format], ...repositoryTail(caps, o.location)];
}

/** The exported key in the asked form. */
export async function runKeyExport(o: KeyExportOptions, ctx: BorgContext): Promise<string> {
  // Nothing is decrypted: the passphrase (and the user's passcommand) stay out of this run.
  const { passphrase: _fd, passcommand: _cmd, ...rest } = ctx;
  const run = await runBorg(buildKeyExportArgs(o, capabilitiesOf(ctx)), rest);
  return run.stdout;
}
