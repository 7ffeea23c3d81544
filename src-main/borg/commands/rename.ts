/**
 * `borg rename -- REPO::ARCHIVE NEWNAME`: gives one archive a new name (its data is untouched). The
 * new name is checked with Borgdesk's archive-name rules first, so borg never gets one it would
 * refuse or one that collides with its checkpoint names.
 */
import { renamedArchiveNameProblem } from '../../model/archive-name.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveTail, capabilitiesOf } from '../command-shape.js';
import { runBorg, type BorgContext } from '../exec.js';
import { refuseText, requireArchive, type ArchiveEditOptions } from './archive-edit.js';

/** Which archive, and its new name. */
export interface RenameArchiveOptions extends ArchiveEditOptions {
  newName: string;
}

/** `rename -- LOCATION::ARCHIVE NEWNAME`; refuses a name borg would refuse or misread. */
export function buildRenameArgs(
  o: RenameArchiveOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  requireArchive(o, {
    code: 'InvalidArchiveName',
    message: 'Choose the archive to rename.',
    reason: 'chooseArchiveRename',
  });
  refuseText(renamedArchiveNameProblem(o.newName), 'Choose another archive name.', 'InvalidArchiveName');
  return ['rename', ...archiveTail(caps, o.location, o, [o.newName])];
}

/** Renames the archive; borg's errors (no such archive, name taken) arrive as BorgError. */
export async function runRenameArchive(o: RenameArchiveOptions, ctx: BorgContext): Promise<void> {
  await runBorg(buildRenameArgs(o, capabilitiesOf(ctx)), ctx);
}
