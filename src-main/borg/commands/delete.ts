/**
 * `borg delete --list -- REPO::ARCHIVE`: deletes one archive (the space is freed by a later
 * `borg compact`). Borg 1.2.4 exits 0 with only a WARNING ("Archive X not found (1/1).") when the
 * archive is missing, so success is judged by the `--list` line "Deleting archive: …" (logger
 * `borg.output.list`), see __fixtures__/delete*.stderr.jsonl. Deleting a whole repository is not
 * offered here on purpose.
 */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveTail, capabilitiesOf } from '../command-shape.js';
import { BorgError, errorForMsgid } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';
import type { BorgLogEvent } from '../log-json.js';

/** The archive to delete. */
export interface DeleteArchiveOptions {
  location: string;
  archiveName: string;
  /** The archive's id: borg 2 addresses it as `aid:<id>` (names repeat in a series). */
  archiveId?: string | undefined;
}

/** A finished delete. */
export interface DeleteArchiveOutcome {
  warnings: readonly string[];
}

const LIST_LOGGER = 'borg.output.list';

/** `delete --list --progress -- LOCATION::ARCHIVE`; refuses an empty archive name (that would delete the repository). */
export function buildDeleteArchiveArgs(
  o: DeleteArchiveOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  if (o.archiveName.trim() === '') {
    throw new BorgError({
      code: 'InvalidArchiveName',
      message: 'Choose the archive to delete.',
      remedy: 'Select an archive in the list, then delete it.',
      reason: 'chooseArchiveDelete',
    });
  }
  return ['delete', '--list', '--progress', ...archiveTail(caps, o.location, o)];
}

/** Deletes the archive; rejects with ArchiveDoesNotExist when borg did not find it. */
export async function runDeleteArchive(
  o: DeleteArchiveOptions,
  ctx: BorgContext,
): Promise<DeleteArchiveOutcome> {
  const args = buildDeleteArchiveArgs(o, capabilitiesOf(ctx));
  let deleted = false;
  const onEvent = (event: BorgLogEvent): void => {
    if (event.type === 'log_message' && event.name === LIST_LOGGER) deleted = true;
    ctx.onEvent?.(event);
  };
  // Delete stops cleanly after the current archive on SIGINT (it checkpoints), so the default grace applies.
  const run = await runBorg(args, { ...ctx, onEvent }, { okExitCodes: [0, 1] });
  if (!deleted) throw errorForMsgid('Archive.DoesNotExist', run.exitCode) ?? missingArchive();
  return { warnings: run.warnings.filter((w) => !isDoneNote(w)) };
}

// Borg 2 ends a delete with 'Done. Run "borg compact" to free space.' at WARNING level: a note, not a problem.
function isDoneNote(warning: string): boolean {
  return warning.startsWith('Done.');
}

function missingArchive(): BorgError {
  return new BorgError({
    code: 'ArchiveDoesNotExist',
    message: 'The archive does not exist in this repository.',
  });
}
