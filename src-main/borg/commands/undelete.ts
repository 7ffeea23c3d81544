/**
 * `borg undelete --list -r REPO aid:<id>` (borg 2): brings back one soft-deleted archive. Borg 2's
 * `delete` only marks archives as deleted; they stay listed by `repo-list --deleted` and can be
 * undeleted until `borg compact` frees their space. Success is judged by the `--list` line
 * "Undeleted archive: …" (logger `borg.output.list`), as for delete.
 */
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveTail, capabilitiesOf } from '../command-shape.js';
import { BorgError, isBorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';
import type { BorgLogEvent } from '../log-json.js';

/** The deleted archive to bring back; its id tells it apart from others of its series. */
export interface UndeleteArchiveOptions {
  location: string;
  archiveName: string;
  /** The archive's id: borg 2 addresses it as `aid:<id>` (names repeat in a series). */
  archiveId?: string | undefined;
}

const LIST_LOGGER = 'borg.output.list';

/** `undelete --list --repo=LOCATION -- aid:ID`; refused for a borg whose delete is final. */
export function buildUndeleteArgs(
  o: UndeleteArchiveOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  if (!caps.softDelete) {
    throw new BorgError({
      code: 'InvalidArguments',
      message: `borg ${caps.version} deletes archives for good: a deleted archive cannot be brought back.`,
      reason: 'borgDeletesArchivesGood',
      params: { version: caps.version },
    });
  }
  if (o.archiveName.trim() === '' && (o.archiveId ?? '') === '') {
    throw new BorgError({
      code: 'InvalidArchiveName',
      message: 'Choose the archive to undelete.',
      reason: 'chooseArchiveUndelete',
    });
  }
  return ['undelete', '--list', ...archiveTail(caps, o.location, o)];
}

/** Undeletes the archive; rejects with ArchiveDoesNotExist when it is no longer among the deleted ones. */
export async function runUndeleteArchive(o: UndeleteArchiveOptions, ctx: BorgContext): Promise<void> {
  const args = buildUndeleteArgs(o, capabilitiesOf(ctx));
  let undeleted = false;
  const onEvent = (event: BorgLogEvent): void => {
    if (event.type === 'log_message' && event.name === LIST_LOGGER) undeleted = true;
    ctx.onEvent?.(event);
  };
  try {
    await runBorg(args, { ...ctx, onEvent }, { okExitCodes: [0, 1] });
  } catch (e) {
    // "archive ID based match needs to match precisely one archive ID": the id is gone.
    if (isBorgError(e) && e.msgid === 'CommandError') throw notDeleted();
    throw e;
  }
  if (!undeleted) throw notDeleted();
}

function notDeleted(): BorgError {
  return new BorgError({
    code: 'ArchiveDoesNotExist',
    message: 'This archive is no longer among the deleted archives.',
    remedy: 'It was restored already, or a compact made its deletion final. Refresh the list.',
    reason: 'archiveLongerAmongDeleted',
  });
}
