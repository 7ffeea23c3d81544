/**
 * `borg transfer --other-repo OLD --from-borg1` (borg 2): copies every archive of a borg 1.x
 * repository into a borg 2 one made by repo-create-from-borg1.ts, converting it (borg's
 * UpgraderFrom12To20). Archives already in the destination (same name and time) are skipped, so a
 * cancelled transfer continues where it stopped when run again. Borg prints one stdout line per
 * archive (archiver/transfer_cmd.py), which is the only progress it gives per archive:
 *   NAME TS ID: copying archive to destination repo...
 *   NAME TS ID: finished. transfer_size: 300.01 kB present_size: 0 B
 *   NAME TS: archive is already present in destination repo, skipping.
 *   NAME TS ID: completed | NAME TS ID: incomplete, transfer_size: … (--dry-run)
 */
import { capabilitiesOf, repositoryTail } from '../command-shape.js';
import type { BorgCapabilities } from '../capabilities.js';
import { runBorg, type BorgContext, type BorgRunResult } from '../exec.js';
import { migrationUnsupported } from './repo-create-from-borg1.js';

/** What to copy where. */
export interface TransferOptions {
  /** The borg 2 destination. */
  location: string;
  /** The borg 1.x source (only read). */
  otherLocation: string;
  /** Only say per archive whether it is already there; changes nothing. */
  dryRun?: boolean;
}

/** One archive line of transfer's stdout. */
export type TransferLine =
  | { readonly kind: 'copying'; readonly archive: string }
  | { readonly kind: 'finished'; readonly archive: string; readonly transferSize: string }
  | { readonly kind: 'skipped'; readonly archive: string }
  /** --dry-run: `present` means every chunk is already in the destination. */
  | { readonly kind: 'planned'; readonly archive: string; readonly present: boolean };

/** `transfer [--dry-run] --other-repo=OLD --from-borg1 --repo=NEW`. */
export function buildTransferArgs(o: TransferOptions, caps: BorgCapabilities): string[] {
  if (!caps.hasTransferFromBorg1) throw migrationUnsupported(caps);
  return [
    'transfer',
    ...(o.dryRun === true ? ['--dry-run'] : []),
    `--other-repo=${o.otherLocation}`,
    '--from-borg1',
    ...repositoryTail(caps, o.location),
  ];
}

// The archive name comes first and has no spaces (borg 1.x names may, but transfer refuses those:
// archivename_validator); the ISO time follows. Everything after ": " says what happened.
const LINE = /^(\S+) \d{4}-\d\d-\d\dT\S+(?: [0-9a-f]{64})?: (.*)$/;

/** Reads one stdout line; undefined for anything else (borg may add lines in later versions). */
export function parseTransferLine(line: string): TransferLine | undefined {
  const m = LINE.exec(line.trim());
  if (m === null) return undefined;
  const archive = m[1] ?? '';
  const what = m[2] ?? '';
  if (what.startsWith('copying archive')) return { kind: 'copying', archive };
  if (what.startsWith('finished.')) {
    const size = /transfer_size: (.+?) present_size/.exec(what)?.[1] ?? '';
    return { kind: 'finished', archive, transferSize: size };
  }
  if (what.startsWith('archive is already present')) return { kind: 'skipped', archive };
  if (what === 'completed') return { kind: 'planned', archive, present: true };
  if (what.startsWith('incomplete')) return { kind: 'planned', archive, present: false };
  return undefined;
}

/** Runs transfer; `onLine` hears each archive line as borg prints it. */
export async function runTransfer(
  o: TransferOptions,
  ctx: BorgContext,
  onLine: (line: TransferLine) => void,
): Promise<BorgRunResult> {
  return runBorg(buildTransferArgs(o, capabilitiesOf(ctx)), ctx, {
    onStdoutLine: (text) => {
      const parsed = parseTransferLine(text);
      if (parsed !== undefined) onLine(parsed);
    },
  });
}
